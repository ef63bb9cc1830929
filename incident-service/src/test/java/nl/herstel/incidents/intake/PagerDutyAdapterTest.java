package nl.herstel.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.herstel.contracts.incidents.Severity;
import org.junit.jupiter.api.Test;

class PagerDutyAdapterTest {
  static final String TRIGGER =
      """
      {"routing_key":"R0UT1NGK3Y0000000000000000000000","event_action":"trigger",
       "dedup_key":"srv01/mysql-down",
       "payload":{"summary":"DISK at 99% on machine prod-datapipe03.example.com",
        "timestamp":"2026-11-29T08:42:58.315+00:00","severity":"critical",
        "source":"prod-datapipe03.example.com","component":"mysql","group":"prod-datapipe",
        "class":"disk","custom_details":{"free space":"1%"}},
       "client":"Sample Monitoring Service","client_url":"https://monitoring.example.com",
       "links":[{"href":"https://example.com/","text":"Link text"}]}
      """;

  @Test
  void mapsATriggerAndNeverKeepsTheRoutingKey() {
    Alert alert = PagerDutyAdapter.map(Json.parse(TRIGGER)).orElseThrow();

    assertThat(alert.source()).isEqualTo("pagerduty");
    assertThat(alert.sourceId()).isEqualTo("srv01/mysql-down");
    assertThat(alert.title()).startsWith("DISK at 99%");
    assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.assets()).containsExactly("prod-datapipe03.example.com", "mysql");
    assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2026-11-29T08:42:58.315Z"));
    assertThat(alert.raw().has("routing_key")).isFalse();
    assertThat(alert.raw().get("payload").get("custom_details").get("free space").asText())
        .isEqualTo("1%");
  }

  @Test
  void withoutDedupKeyTheSameEventGetsTheSameId() {
    String noKey = TRIGGER.replace("\"dedup_key\":\"srv01/mysql-down\",", "");
    String first = PagerDutyAdapter.map(Json.parse(noKey)).orElseThrow().sourceId();
    assertThat(PagerDutyAdapter.map(Json.parse(noKey)).orElseThrow().sourceId()).isEqualTo(first);
    assertThat(first).hasSize(64);
  }

  @Test
  void acknowledgeAndResolveOpenNothing() {
    assertThat(PagerDutyAdapter.map(Json.parse(TRIGGER.replace("\"trigger\"", "\"resolve\""))))
        .isEmpty();
  }

  @Test
  void namesTheFieldItCannotMap() {
    assertThat(
            Json.rejectedFields(
                () -> PagerDutyAdapter.map(Json.parse(TRIGGER.replace("\"critical\"", "\"p1\"")))))
        .containsExactly("payload.severity");
    assertThat(
            Json.rejectedFields(
                () ->
                    PagerDutyAdapter.map(
                        Json.parse(
                            TRIGGER.replace("\"source\":\"prod-datapipe03.example.com\",", "")))))
        .containsExactly("payload.source");
  }
}
