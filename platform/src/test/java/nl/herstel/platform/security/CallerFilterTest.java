package nl.herstel.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerFilterTest {

  @Test
  void keepsASafeCorrelationId() {
    assertThat(CallerFilter.correlationId("soc-42:run.7_a")).isEqualTo("soc-42:run.7_a");
    assertThat(CallerFilter.correlationId("x".repeat(100))).isEqualTo("x".repeat(100));
  }

  @Test
  void replacesAMissingTooLongOrControlCharacterIdWithANewOne() {
    for (String unsafe :
        new String[] {null, "", "x".repeat(101), "bad\u0001id", "line\nbreak", "two words"}) {
      assertThat(CallerFilter.correlationId(unsafe))
          .as(String.valueOf(unsafe))
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
  }
}
