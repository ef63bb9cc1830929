package nl.herstel.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.herstel.contracts.incidents.Severity;
import org.junit.jupiter.api.Test;

class TheHiveAdapterTest {
  static final String ALERT =
      """
      {"type":"external","source":"misp-feed","sourceRef":"event-4711",
       "title":"Ransomware beacon from payments DB","description":"Cobalt Strike beacon seen",
       "severity":3,"date":1795942800000,"tags":["ransomware","tlp:amber"],"tlp":2,"pap":2,
       "observables":[{"dataType":"hostname","data":"db-payments-01","tlp":2},
                      {"dataType":"ip","data":"10.1.2.3"},
                      {"dataType":"hash","data":"44d88612fea8a8f36de82e1278abb02f"}],
       "customFields":{"businessUnit":{"string":"Finance"}}}
      """;

  @Test
  void mapsSourceRefSeverityObservablesAndDate() {
    Alert alert = TheHiveAdapter.map(Json.parse(ALERT));

    assertThat(alert.source()).isEqualTo("thehive");
    assertThat(alert.sourceId()).isEqualTo("external/misp-feed/event-4711");
    assertThat(alert.severity()).isEqualTo(Severity.HIGH);
    assertThat(alert.assets()).containsExactly("db-payments-01", "10.1.2.3");
    assertThat(alert.detectedAt()).isEqualTo(Instant.ofEpochMilli(1795942800000L));
    assertThat(alert.raw().get("customFields").get("businessUnit").get("string").asText())
        .isEqualTo("Finance");
  }

  @Test
  void acceptsTheHive4Artifacts() {
    Alert alert = TheHiveAdapter.map(Json.parse(ALERT.replace("observables", "artifacts")));
    assertThat(alert.assets()).containsExactly("db-payments-01", "10.1.2.3");
  }

  @Test
  void namesTheFieldItCannotMap() {
    assertThat(
            Json.rejectedFields(
                () ->
                    TheHiveAdapter.map(
                        Json.parse(ALERT.replace("\"severity\":3", "\"severity\":9")))))
        .containsExactly("severity");
    assertThat(
            Json.rejectedFields(
                () ->
                    TheHiveAdapter.map(
                        Json.parse(
                            ALERT
                                .replace("\"hostname\"", "\"url\"")
                                .replace("\"ip\"", "\"mail\"")))))
        .containsExactly("observables");
    assertThat(
            Json.rejectedFields(
                () -> TheHiveAdapter.map(Json.parse(ALERT.replace("\"sourceRef\"", "\"ref\"")))))
        .containsExactly("sourceRef");
  }
}
