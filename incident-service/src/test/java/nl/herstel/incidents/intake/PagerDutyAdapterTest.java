package nl.herstel.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.herstel.contracts.incidents.Severity;
import org.junit.jupiter.api.Test;

/** Events shaped after PagerDuty's Events API v2 documentation. */
class PagerDutyAdapterTest {
  static final String TRIGGER =
      """
      {"routing_key":"R0ut1ngKeyOfTheIntegration000000","event_action":"trigger",
       "dedup_key":"pay-db-latency-7","client":"Zabbix","client_url":"https://zabbix.example.nl",
       "payload":{"summary":"Payments DB latency above 2s","timestamp":"2026-12-01T08:10:00.000+0000",
         "source":"db-pay-01.example.nl","severity":"error","component":"postgres",
         "group":"payments-stack","class":"latency",
         "custom_details":{"p99_ms":2300,"asset":"Payments database"}},
       "images":[],"links":[{"href":"https://zabbix.example.nl/x","text":"graph"}]}
      """;

  @Test
  void mapsATriggerWithItsHintsAndDropsTheRoutingKey() {
    Alert alert = PagerDutyAdapter.map(Json.parse(TRIGGER)).orElseThrow();

    assertThat(alert.source()).isEqualTo("pagerduty");
    assertThat(alert.sourceId()).isEqualTo("pay-db-latency-7");
    assertThat(alert.title()).isEqualTo("Payments DB latency above 2s");
    assertThat(alert.severity()).isEqualTo(Severity.HIGH);
    assertThat(alert.assets())
        .containsExactly("Payments database", "db-pay-01.example.nl", "postgres", "payments-stack");
    assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2026-12-01T08:10:00Z"));
    assertThat(alert.raw().has("routing_key")).isFalse();
    assertThat(alert.warnings()).isEmpty();
  }

  @Test
  void aMinimalTriggerWithoutDedupKeyIsTheSameAlertOnRetry() {
    String minimal =
        """
        {"routing_key":"k","event_action":"trigger",
         "payload":{"summary":"CPU hot","source":"10.9.8.7","severity":"info"}}""";

    Alert first = PagerDutyAdapter.map(Json.parse(minimal)).orElseThrow();
    Alert retry =
        PagerDutyAdapter.map(Json.parse(minimal.replace("\"k\"", "\"other\""))).orElseThrow();

    assertThat(first.sourceId()).startsWith("sha256:").isEqualTo(retry.sourceId());
    assertThat(first.severity()).isEqualTo(Severity.LOW);
    assertThat(first.assets()).containsExactly("10.9.8.7");
    assertThat(first.warnings()).isEmpty();
  }

  @Test
  void acknowledgeAndResolveOpenNothing() {
    assertThat(
            PagerDutyAdapter.map(
                Json.parse(
                    "{\"routing_key\":\"k\",\"event_action\":\"resolve\",\"dedup_key\":\"d\"}")))
        .isEmpty();
    assertThat(
            PagerDutyAdapter.map(
                Json.parse("{\"event_action\":\"acknowledge\",\"dedup_key\":\"d\"}")))
        .isEmpty();
  }

  @Test
  void whatItCannotMapIsAWarning() {
    Alert alert =
        PagerDutyAdapter.map(
                Json.parse(
                    """
                    {"dedup_key":"x","payload":{"severity":"sev1","timestamp":"now"}}"""))
            .orElseThrow();

    assertThat(alert.title()).isEqualTo("PagerDuty event");
    assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(alert.warnings())
        .hasSize(5)
        .anySatisfy(w -> assertThat(w).startsWith("event_action:"))
        .anySatisfy(w -> assertThat(w).startsWith("payload.severity:"))
        .anySatisfy(w -> assertThat(w).startsWith("payload.timestamp:"))
        .anySatisfy(w -> assertThat(w).startsWith("title:"))
        .anySatisfy(w -> assertThat(w).startsWith("assets:"));
    assertThat(Json.rejectedFields(() -> PagerDutyAdapter.map(Json.parse("[]"))))
        .containsExactly("body");
  }
}
