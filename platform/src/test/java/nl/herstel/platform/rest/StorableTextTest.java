package nl.herstel.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorableTextTest {
  record Inner(String note) {}

  record Body(String name, List<String> tags, List<Inner> items, JsonNode raw) {}

  private final ProblemMapper mapper = new ProblemMapper();

  private Problem problemFor(String json) {
    try {
      JsonProvider.MAPPER.readValue(json, Body.class);
    } catch (Exception e) {
      return mapper.map(e);
    }
    throw new AssertionError("accepted " + json);
  }

  @Test
  void refusesANulInAStringNamingTheField() {
    Problem problem = problemFor("{\"name\":\"a\\u0000b\"}");
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("name");
  }

  @Test
  void refusesANulInsideAListAndANestedRecord() {
    assertThat(problemFor("{\"tags\":[\"ok\",\"x\\u0000\"]}").errors())
        .extracting(Problem.FieldError::field)
        .containsExactly("tags[1]");
    assertThat(problemFor("{\"items\":[{\"note\":\"\\u0000\"}]}").errors())
        .extracting(Problem.FieldError::field)
        .containsExactly("items[0].note");
  }

  @Test
  void refusesANulAnywhereInAJsonTreeNamingItsPath() {
    Problem problem =
        problemFor("{\"raw\":{\"alerts\":[{\"labels\":{\"instance\":\"h\\u0000\"}}]}}");
    assertThat(problem.errors())
        .extracting(Problem.FieldError::field)
        .containsExactly("raw.alerts[0].labels.instance");
  }

  @Test
  void acceptsOrdinaryTextIncludingOtherEscapes() throws Exception {
    Body body =
        JsonProvider.MAPPER.readValue(
            "{\"name\":\"tab\\there \\u00e9\",\"raw\":{\"a\":[\"\\n\"]}}", Body.class);
    assertThat(body.name()).isEqualTo("tab\there é");
    assertThat(body.raw().get("a").get(0).asText()).isEqualTo("\n");
  }

  @Test
  void aWholeTreeReadAtTheTopIsCheckedToo() {
    assertThatThrownBy(() -> JsonProvider.MAPPER.readValue("[\"\\u0000\"]", JsonNode.class))
        .isInstanceOf(StorableText.Unstorable.class);
  }
}
