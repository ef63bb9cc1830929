package nl.herstel.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo story without a stack: its size, and that every id it uses was made before. */
class HerstelDemoDataTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  @Test
  void theStoryIsAMidSizeOrganisation() {
    JsonNode story = HerstelDemoData.story();
    assertThat(story.get("processes").size()).isGreaterThanOrEqualTo(10);
    assertThat(story.get("assets").size()).isGreaterThanOrEqualTo(30);
    int identified = 0;
    for (JsonNode asset : story.get("assets")) {
      identified += asset.path("identifiers").isEmpty() ? 0 : 1;
    }
    assertThat(identified).isGreaterThanOrEqualTo(20);
    assertThat(story.get("threats").size()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void everyIdIsMadeByAnEarlierStepAndEveryCallNamesItsRole() {
    List<ObjectNode> steps = HerstelDemoData.steps(HerstelDemoData.story());
    Set<String> made = new HashSet<>();
    List<String> unknown = new ArrayList<>();
    for (ObjectNode step : steps) {
      assertThat(step.get("call").asText()).matches("(GET|POST|PUT|PATCH|DELETE) /api/.+");
      assertThat(step.path("as").asText()).isNotBlank();
      Matcher m =
          PLACEHOLDER.matcher(
              step.get("call").asText()
                  + step.path("body")
                  + step.path("until")
                  + step.path("find"));
      while (m.find()) {
        String name = m.group(1);
        if (!name.startsWith("t:") && !name.startsWith("day:") && !made.contains(name)) {
          unknown.add(name + " in " + step.get("call").asText());
        }
      }
      if (step.has("ref")) {
        made.add(step.get("ref").asText());
      }
      step.path("save").fieldNames().forEachRemaining(made::add);
    }
    assertThat(unknown).isEmpty();
    assertThat(made)
        .contains("incident:ransomware", "incident:breach", "plan:publiek", "plan:sociaal");
  }

  @Test
  void timesAreOffsetsFromTheMomentOfLoading() {
    Instant now = Instant.parse("2026-12-07T12:00:00Z");
    assertThat(HerstelDemoData.shift(now, "-21d+30h")).isEqualTo("2026-11-17T18:00:00Z");
    assertThat(HerstelDemoData.shift(now, "-2h30m")).isEqualTo("2026-12-07T09:30:00Z");
    assertThat(HerstelDemoData.shift(now, "")).isEqualTo(now);
    assertThatThrownBy(() -> HerstelDemoData.shift(now, "-3w")).hasMessageContaining("-3w");
  }

  @Test
  void findsInABareArrayAndInAPage() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode where = json.createObjectNode().put("kind", "RPO");
    JsonNode array =
        json.readTree("[{\"id\":\"a\",\"kind\":\"RTO\"},{\"id\":\"b\",\"kind\":\"RPO\"}]");
    JsonNode page = json.readTree("{\"items\":[{\"id\":\"c\",\"kind\":\"RPO\"}],\"total\":1}");
    assertThat(HerstelDemoData.find(array, where).get("id").asText()).isEqualTo("b");
    assertThat(HerstelDemoData.find(page, where).get("id").asText()).isEqualTo("c");
    assertThat(HerstelDemoData.find(page, json.createObjectNode().put("kind", "MTPD"))).isNull();
  }
}
