package nl.herstel.lessons.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LikelihoodScaleTest {

  @Test
  void theDefaultScaleReadsIncidentsPerYearAsLikelihood() {
    LikelihoodScale scale = LikelihoodScale.DEFAULT;

    assertThat(List.of(0, 1, 2, 3, 4, 11, 12, 50).stream().map(scale::level).toList())
        .containsExactly(1, 2, 3, 3, 4, 4, 5, 5);
  }

  @Test
  void aConfiguredScaleMovesTheThresholds() {
    LikelihoodScale scale = LikelihoodScale.parse(" 2, 5 ,10,20");

    assertThat(scale.level(1)).isEqualTo(1);
    assertThat(scale.level(2)).isEqualTo(2);
    assertThat(scale.level(19)).isEqualTo(4);
    assertThat(scale.level(20)).isEqualTo(5);
  }

  @Test
  void aScaleThatIsNotFourAscendingPositiveCountsIsTheDefault() {
    assertThat(LikelihoodScale.parse("1,2,3")).isEqualTo(LikelihoodScale.DEFAULT);
    assertThat(LikelihoodScale.parse("1,2,2,4")).isEqualTo(LikelihoodScale.DEFAULT);
    assertThat(LikelihoodScale.parse("0,1,2,4")).isEqualTo(LikelihoodScale.DEFAULT);
    assertThat(LikelihoodScale.parse("a,b,c,d")).isEqualTo(LikelihoodScale.DEFAULT);
    assertThat(LikelihoodScale.parse(null)).isEqualTo(LikelihoodScale.DEFAULT);
    assertThatThrownBy(() -> new LikelihoodScale(List.of(4, 3, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
