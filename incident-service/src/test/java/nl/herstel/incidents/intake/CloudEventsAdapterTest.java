package nl.herstel.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import nl.herstel.contracts.incidents.Severity;
import org.junit.jupiter.api.Test;

class CloudEventsAdapterTest {
  static final String STRUCTURED =
      """
      {"specversion":"1.0","id":"evt-1","source":"urn:soc:splunk","type":"com.splunk.alert",
       "subject":"ALERT-77","time":"2026-11-29T08:00:00Z","datacontenttype":"application/json",
       "tenant":"acme",
       "data":{"severity":"high","assets":["db-payments-01"],"title":"Ransomware",
               "playbook":"PB-12"}}
      """;

  @Test
  void mapsAStructuredEventIdentifiedBySourceAndSubject() {
    Alert alert = CloudEventsAdapter.structured(Json.parse(STRUCTURED));

    assertThat(alert.source()).isEqualTo("urn:soc:splunk");
    assertThat(alert.sourceId()).isEqualTo("ALERT-77");
    assertThat(alert.title()).isEqualTo("Ransomware");
    assertThat(alert.severity()).isEqualTo(Severity.HIGH);
    assertThat(alert.assets()).containsExactly("db-payments-01");
    assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
    assertThat(alert.raw().get("tenant").asText()).isEqualTo("acme");
    assertThat(alert.raw().get("data").get("playbook").asText()).isEqualTo("PB-12");
  }

  @Test
  void mapsABinaryEventFromItsHeaders() {
    Alert alert =
        CloudEventsAdapter.binary(
            Map.of(
                "ce-specversion", "1.0",
                "ce-id", "evt-2",
                "ce-source", "urn:soc:qradar",
                "ce-type", "offense.created"),
            Json.parse("{\"severity\":\"CRITICAL\",\"assets\":[\"fs-01\"]}"));

    assertThat(alert.source()).isEqualTo("urn:soc:qradar");
    assertThat(alert.sourceId()).isEqualTo("evt-2");
    assertThat(alert.title()).isEqualTo("offense.created");
    assertThat(alert.detectedAt()).isNull();
    assertThat(alert.raw().get("source").asText()).isEqualTo("urn:soc:qradar");
  }

  @Test
  void namesTheAttributeOrDataFieldItCannotMap() {
    assertThat(
            Json.rejectedFields(
                () ->
                    CloudEventsAdapter.structured(
                        Json.parse(STRUCTURED.replace("\"1.0\"", "\"0.3\"")))))
        .containsExactly("specversion");
    assertThat(
            Json.rejectedFields(
                () ->
                    CloudEventsAdapter.structured(
                        Json.parse(STRUCTURED.replace("[\"db-payments-01\"]", "[]")))))
        .containsExactly("data.assets");
    assertThat(
            Json.rejectedFields(
                () ->
                    CloudEventsAdapter.binary(
                        Map.of("ce-specversion", "1.0", "ce-source", "s", "ce-type", "t"),
                        Json.parse("{\"severity\":\"LOW\",\"assets\":[\"a\"]}"))))
        .containsExactly("ce-id");
    assertThat(
            Json.rejectedFields(
                () ->
                    CloudEventsAdapter.binary(
                        Map.of(
                            "ce-specversion",
                            "1.0",
                            "ce-id",
                            "1",
                            "ce-source",
                            "s",
                            "ce-type",
                            "t"),
                        Json.parse("{\"severity\":\"SEVERE\",\"assets\":[\"a\"]}"))))
        .containsExactly("severity");
  }
}
