package nl.herstel.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import nl.herstel.contracts.incidents.Severity;
import org.junit.jupiter.api.Test;

/** Events shaped after the CloudEvents 1.0 spec and its HTTP binding. */
class CloudEventsAdapterTest {
  static final String STRUCTURED =
      """
      {"specversion":"1.0","id":"evt-1","source":"urn:soc:splunk","type":"com.splunk.alert",
       "subject":"db-payments-01","time":"2026-11-29T08:00:00Z","datacontenttype":"application/json",
       "tenant":"acme",
       "data":{"severity":"high","assets":["Payments database"],"title":"Ransomware",
               "playbook":"PB-12"}}
      """;

  @Test
  void aStructuredEventIsIdentifiedBySourceAndIdWithTheSubjectAsHint() {
    Alert alert = CloudEventsAdapter.structured(Json.parse(STRUCTURED));

    assertThat(alert.source()).isEqualTo("urn:soc:splunk");
    assertThat(alert.sourceId()).isEqualTo("evt-1");
    assertThat(alert.title()).isEqualTo("Ransomware");
    assertThat(alert.severity()).isEqualTo(Severity.HIGH);
    assertThat(alert.assets()).containsExactly("Payments database", "db-payments-01");
    assertThat(alert.correlationKey()).isEqualTo("db-payments-01");
    assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
    assertThat(alert.raw().get("tenant").asText()).isEqualTo("acme");
    assertThat(alert.warnings()).isEmpty();
  }

  @Test
  void aNewIdWithTheSameSubjectIsANewAlert() {
    Alert first = CloudEventsAdapter.structured(Json.parse(STRUCTURED));
    Alert second =
        CloudEventsAdapter.structured(Json.parse(STRUCTURED.replace("\"evt-1\"", "\"evt-2\"")));

    assertThat(second.sourceId()).isNotEqualTo(first.sourceId());
    assertThat(second.correlationKey()).isEqualTo(first.correlationKey());
  }

  @Test
  void mapsABinaryEventFromItsHeaders() {
    Alert alert =
        CloudEventsAdapter.binary(
            Map.of(
                "ce-specversion", "1.0",
                "ce-id", "evt-2",
                "ce-source", "urn:soc:qradar",
                "ce-type", "offense.created",
                "ce-correlationkey", "offense-19"),
            Json.parse("{\"severity\":\"CRITICAL\",\"assets\":[\"fs-01\"]}"));

    assertThat(alert.source()).isEqualTo("urn:soc:qradar");
    assertThat(alert.sourceId()).isEqualTo("evt-2");
    assertThat(alert.title()).isEqualTo("offense.created");
    assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.correlationKey()).isEqualTo("offense-19");
    assertThat(alert.detectedAt()).isNull();
  }

  @Test
  void aMinimalEventWithoutDataIsTakenWithWarnings() {
    Alert alert =
        CloudEventsAdapter.structured(
            Json.parse(
                "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/x\",\"type\":\"t\","
                    + "\"data\":\"plain text\"}"));

    assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(alert.title()).isEqualTo("t");
    assertThat(alert.assets()).isEmpty();
    assertThat(alert.warnings())
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).startsWith("data:"))
        .anySatisfy(w -> assertThat(w).startsWith("assets:"));
  }

  @Test
  void onlyAnEventWithoutIdentityOrOfAnotherVersionIsRefused() {
    assertThat(
            Json.rejectedFields(
                () ->
                    CloudEventsAdapter.structured(
                        Json.parse("{\"specversion\":\"1.0\",\"source\":\"/x\",\"type\":\"t\"}"))))
        .containsExactly("id");
    assertThat(
            Json.rejectedFields(
                () ->
                    CloudEventsAdapter.binary(
                        Map.of("ce-specversion", "0.3", "ce-id", "1", "ce-source", "/x"),
                        Json.parse("{}"))))
        .containsExactly("ce-specversion");
  }
}
