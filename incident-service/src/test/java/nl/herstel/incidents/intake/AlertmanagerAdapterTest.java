package nl.herstel.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import org.junit.jupiter.api.Test;

class AlertmanagerAdapterTest {
  static final String WEBHOOK =
      """
      {"receiver":"herstel","status":"firing","version":"4",
       "groupKey":"{}:{alertname=\\"NodeDown\\"}","truncatedAlerts":0,
       "groupLabels":{"alertname":"NodeDown"},"commonLabels":{"alertname":"NodeDown"},
       "commonAnnotations":{},"externalURL":"http://alertmanager:9093",
       "alerts":[
        {"status":"firing","labels":{"alertname":"NodeDown","instance":"db-payments-01:9100",
          "job":"node","severity":"critical","team":"payments"},
         "annotations":{"summary":"Node is down","description":"No scrape for 5m"},
         "startsAt":"2026-11-29T09:12:01.123+01:00","endsAt":"0001-01-01T00:00:00Z",
         "generatorURL":"http://prometheus:9090/graph?g0.expr=up","fingerprint":"a1b2c3d4e5f6"},
        {"status":"resolved","labels":{"alertname":"NodeDown","instance":"web-01:9100"},
         "annotations":{},"startsAt":"2026-11-29T07:00:00Z","endsAt":"2026-11-29T07:30:00Z",
         "fingerprint":"ffff"},
        {"status":"firing","labels":{"alertname":"DiskFull","asset":"File server",
          "instance":"10.0.0.7:9100","severity":"warning"},
         "annotations":{},"startsAt":"2026-11-29T08:00:00Z","fingerprint":"0badc0de"}]}
      """;

  @Test
  void mapsEachFiringAlertWithItsFingerprintHostSeverityAndStart() {
    List<Alert> alerts = AlertmanagerAdapter.map(Json.parse(WEBHOOK));

    assertThat(alerts).hasSize(2);
    Alert down = alerts.get(0);
    assertThat(down.source()).isEqualTo("alertmanager");
    assertThat(down.sourceId()).isEqualTo("a1b2c3d4e5f6");
    assertThat(down.title()).isEqualTo("NodeDown: Node is down");
    assertThat(down.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(down.assets()).containsExactly("db-payments-01");
    assertThat(down.detectedAt()).isEqualTo(Instant.parse("2026-11-29T08:12:01.123Z"));
    assertThat(down.description()).isEqualTo("No scrape for 5m");
    assertThat(down.correlationKey()).isEqualTo("{}:{alertname=\"NodeDown\"}");
    assertThat(down.raw().get("labels").get("team").asText()).isEqualTo("payments");
    assertThat(alerts.get(1).assets()).containsExactly("File server");
    assertThat(alerts.get(1).severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void namesTheLabelItCannotMap() {
    String noInstance = WEBHOOK.replace("\"instance\":\"db-payments-01:9100\",", "");
    assertThat(Json.rejectedFields(() -> AlertmanagerAdapter.map(Json.parse(noInstance))))
        .containsExactly("alerts[0].labels.instance");
    String badSeverity = WEBHOOK.replace("\"critical\"", "\"apocalyptic\"");
    assertThat(Json.rejectedFields(() -> AlertmanagerAdapter.map(Json.parse(badSeverity))))
        .containsExactly("alerts[0].labels.severity");
    String badTime = WEBHOOK.replace("2026-11-29T08:00:00Z", "yesterday");
    assertThat(Json.rejectedFields(() -> AlertmanagerAdapter.map(Json.parse(badTime))))
        .containsExactly("alerts[2].startsAt");
    assertThat(Json.rejectedFields(() -> AlertmanagerAdapter.map(Json.parse("{\"alerts\":[]}"))))
        .containsExactly("alerts");
  }

  @Test
  void keepsIpv6AndPortlessInstancesWhole() {
    assertThat(AlertmanagerAdapter.host("[2001:db8::1]:9100")).isEqualTo("[2001:db8::1]");
    assertThat(AlertmanagerAdapter.host("db-01")).isEqualTo("db-01");
  }
}
