package nl.herstel.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import org.junit.jupiter.api.Test;

/** Payloads shaped after the webhook_config payload Prometheus documents (version 4). */
class AlertmanagerAdapterTest {
  static final String GROUP =
      """
      {"version":"4","groupKey":"{}/{team=\\"payments\\"}:{alertname=\\"DiskFull\\"}",
       "truncatedAlerts":0,"status":"firing","receiver":"herstel",
       "groupLabels":{"alertname":"DiskFull"},
       "commonLabels":{"alertname":"DiskFull","team":"payments"},
       "commonAnnotations":{},"externalURL":"http://am.example.nl:9093",
       "alerts":[
        {"status":"firing","labels":{"alertname":"DiskFull","instance":"db-pay-01.example.nl:9100",
           "job":"node","severity":"critical","team":"payments"},
         "annotations":{"summary":"Disk /var is full","description":"0 bytes left"},
         "startsAt":"2026-12-01T07:58:10.512Z","endsAt":"0001-01-01T00:00:00Z",
         "generatorURL":"http://prom.example.nl/graph?g0.expr=x","fingerprint":"5ab1c0ffee000001"},
        {"status":"resolved","labels":{"alertname":"DiskFull","instance":"db-pay-02:9100"},
         "annotations":{},"startsAt":"2026-12-01T06:00:00Z","endsAt":"2026-12-01T07:00:00Z",
         "generatorURL":"","fingerprint":"5ab1c0ffee000002"},
        {"status":"firing","labels":{"alertname":"ProbeFailed","instance":"https://portal.example.nl/health",
           "asset":"Customer portal","severity":"page"},
         "annotations":{"summary":"Portal down"},"startsAt":"2026-12-01T07:59:00+01:00",
         "endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"5ab1c0ffee000003"}]}
      """;

  @Test
  void mapsEveryFiringAlertWithItsHintsInOrder() {
    List<Alert> alerts = AlertmanagerAdapter.map(Json.parse(GROUP));

    assertThat(alerts).hasSize(2);
    Alert disk = alerts.get(0);
    assertThat(disk.source()).isEqualTo("alertmanager");
    assertThat(disk.sourceId()).isEqualTo("5ab1c0ffee000001");
    assertThat(disk.title()).isEqualTo("DiskFull: Disk /var is full");
    assertThat(disk.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(disk.assets()).containsExactly("db-pay-01.example.nl");
    assertThat(disk.detectedAt()).isEqualTo(Instant.parse("2026-12-01T07:58:10.512Z"));
    assertThat(disk.correlationKey()).contains("DiskFull");
    assertThat(disk.warnings()).isEmpty();
    Alert probe = alerts.get(1);
    assertThat(probe.assets()).containsExactly("Customer portal", "portal.example.nl");
    assertThat(probe.detectedAt()).isEqualTo(Instant.parse("2026-12-01T06:59:00Z"));
  }

  @Test
  void aMinimalGroupWithoutFingerprintOrSeverityIsIdentifiedByItsLabels() {
    String minimal =
        """
        {"alerts":[{"labels":{"alertname":"NodeDown","host":"10.20.1.7"}}]}""";

    List<Alert> first = AlertmanagerAdapter.map(Json.parse(minimal));
    List<Alert> again =
        AlertmanagerAdapter.map(
            Json.parse(
                minimal.replace(
                    "{\"alertname\":\"NodeDown\",\"host\":\"10.20.1.7\"}",
                    "{\"host\":\"10.20.1.7\",\"alertname\":\"NodeDown\"}")));

    assertThat(first).hasSize(1);
    assertThat(first.get(0).sourceId()).startsWith("sha256:").isEqualTo(again.get(0).sourceId());
    assertThat(first.get(0).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(first.get(0).assets()).containsExactly("10.20.1.7");
    assertThat(first.get(0).detectedAt()).isNull();
  }

  @Test
  void anUnknownSeverityOrAMissingAssetIsAWarningNotARefusal() {
    List<Alert> alerts =
        AlertmanagerAdapter.map(
            Json.parse(
                """
                {"alerts":[{"status":"firing","labels":{"alertname":"Odd","severity":"sev2"},
                  "startsAt":"yesterday","fingerprint":"f1"}]}"""));

    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(alerts.get(0).assets()).isEmpty();
    assertThat(alerts.get(0).warnings())
        .hasSize(3)
        .anySatisfy(w -> assertThat(w).startsWith("alerts[0].labels.severity:"))
        .anySatisfy(w -> assertThat(w).startsWith("alerts[0].startsAt:"))
        .anySatisfy(w -> assertThat(w).startsWith("assets:"));
  }

  @Test
  void onlyABodyWithoutAlertsIsRefused() {
    assertThat(
            Json.rejectedFields(() -> AlertmanagerAdapter.map(Json.parse("{\"receiver\":\"x\"}"))))
        .containsExactly("alerts");
    assertThat(AlertmanagerAdapter.map(Json.parse("{\"alerts\":[]}"))).isEmpty();
  }

  @Test
  void aHostIsReducedFromAPortOrAUrl() {
    assertThat(Draft.host("db-payments-01:9100")).isEqualTo("db-payments-01");
    assertThat(Draft.host("[2001:db8::1]:9100")).isEqualTo("2001:db8::1");
    assertThat(Draft.host("https://user@web.example.nl:8443/x?y")).isEqualTo("web.example.nl");
    assertThat(Draft.host("2001:db8::1")).isEqualTo("2001:db8::1");
    assertThat(Draft.host("asset:Payments")).isEqualTo("asset:Payments");
  }
}
