package nl.herstel.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import org.junit.jupiter.api.Test;

/** Alert documents shaped after Elastic Security's alert schema (8.x, and 7.x signals). */
class ElasticAdapterTest {
  static final String DOTTED =
      """
      {"@timestamp":"2026-12-01T08:05:00.120Z","kibana.alert.uuid":"9c1d2e3f4a5b",
       "kibana.alert.rule.name":"Ransomware behaviour","kibana.alert.rule.uuid":"r-77",
       "kibana.alert.severity":"critical","kibana.alert.risk_score":99,
       "kibana.alert.reason":"process event on fs01","kibana.alert.original_time":"2026-12-01T08:04:58Z",
       "kibana.alert.workflow_status":"open","host.name":"fs01.corp.example.nl","host.hostname":"fs01",
       "host.ip":["10.20.3.4","fe80::1"],"cloud.instance.id":"i-0abc123","tags":["asset:File server"]}
      """;

  @Test
  void mapsADottedDocumentWithEveryHostField() {
    Alert alert = ElasticAdapter.map(Json.parse(DOTTED));

    assertThat(alert.source()).isEqualTo("elastic");
    assertThat(alert.sourceId()).isEqualTo("9c1d2e3f4a5b");
    assertThat(alert.title()).isEqualTo("Ransomware behaviour");
    assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.assets())
        .containsExactly(
            "asset:File server",
            "fs01.corp.example.nl",
            "fs01",
            "10.20.3.4",
            "fe80::1",
            "i-0abc123");
    assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2026-12-01T08:04:58Z"));
    assertThat(alert.warnings()).isEmpty();
  }

  @Test
  void mapsNestedDocumentsSentAsAConnectorList() {
    List<Alert> alerts =
        ElasticAdapter.mapAll(
            Json.parse(
                """
                {"alerts":[
                  {"_id":"doc-1","_source":{"@timestamp":"2026-12-01T08:00:00Z",
                    "kibana":{"alert":{"rule":{"name":"Brute force"},"risk_score":50,
                      "start":"2026-12-01T07:59:00Z"}},
                    "cloud":{"instance":{"id":"vm-7","name":"web-7"}}}},
                  {"kibana":{"alert":{"uuid":"u2","severity":"low","rule":{"name":"Scan"}}},
                   "host":{"ip":"10.1.1.1"}}]}"""));

    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(0).sourceId()).isEqualTo("doc-1");
    assertThat(alerts.get(0).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(alerts.get(0).assets()).containsExactly("vm-7", "web-7");
    assertThat(alerts.get(0).detectedAt()).isEqualTo(Instant.parse("2026-12-01T07:59:00Z"));
    assertThat(alerts.get(1).assets()).containsExactly("10.1.1.1");
    assertThat(ElasticAdapter.carriesSeveral(Json.parse("{\"alerts\":[]}"))).isTrue();
  }

  @Test
  void mapsALegacySignalAndAMinimalDocument() {
    Alert signal =
        ElasticAdapter.map(
            Json.parse(
                """
                {"signal":{"rule":{"name":"Old rule","severity":"high"},
                  "original_time":"2026-12-01T06:00:00Z"},"host":{"name":"legacy-01"}}"""));
    assertThat(signal.title()).isEqualTo("Old rule");
    assertThat(signal.severity()).isEqualTo(Severity.HIGH);
    assertThat(signal.assets()).containsExactly("legacy-01");

    Alert minimal = ElasticAdapter.map(Json.parse("{\"@timestamp\":\"2026-12-01T06:00:00Z\"}"));
    assertThat(minimal.sourceId()).startsWith("sha256:");
    assertThat(minimal.title()).isEqualTo("Elastic Security alert");
    assertThat(minimal.warnings()).hasSize(2);
    assertThat(Json.rejectedFields(() -> ElasticAdapter.mapAll(Json.parse("42"))))
        .containsExactly("body");
  }

  @Test
  void keepsTheFirstHundredHintsAndSaysSo() {
    StringBuilder ips = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      ips.append(i == 0 ? "" : ",")
          .append("\"10.0.")
          .append(i / 250)
          .append('.')
          .append(i % 250)
          .append('"');
    }
    Alert alert =
        ElasticAdapter.map(
            Json.parse(
                "{\"kibana.alert.uuid\":\"u\",\"kibana.alert.rule.name\":\"r\",\"host.ip\":["
                    + ips
                    + "]}"));

    assertThat(alert.assets()).hasSize(100);
    assertThat(alert.warnings()).singleElement().asString().startsWith("assets: more than 100");
  }
}
