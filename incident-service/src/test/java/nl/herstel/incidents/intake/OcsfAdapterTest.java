package nl.herstel.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import org.junit.jupiter.api.Test;

/** Findings shaped after the OCSF schema's Incident Finding and Detection Finding classes. */
class OcsfAdapterTest {

  @Test
  void mapsAnIncidentFinding() {
    Alert alert =
        OcsfAdapter.map(
            Json.parse(
                """
                {"class_uid":2005,"category_uid":2,"activity_id":1,"type_uid":200501,
                 "severity_id":5,"status_id":1,"time":1764576000000,"desc":"Ransomware on payments",
                 "metadata":{"version":"1.3.0","product":{"name":"Acme XDR","vendor_name":"Acme"},
                   "correlation_uid":"corr-9","labels":["asset:Payments"]},
                 "finding_info_list":[{"uid":"inc-311","title":"Ransomware on payments",
                   "first_seen_time":1764575000000}],
                 "resources":[{"name":"paysql","uid":"arn:aws:rds:eu-west-1:1234:db:paysql","type":"DB"}],
                 "device":{"hostname":"db-pay-01","ip":"10.20.1.7","type_id":1}}"""));

    assertThat(alert.source()).isEqualTo("ocsf/acme xdr");
    assertThat(alert.sourceId()).isEqualTo("inc-311");
    assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.assets())
        .containsExactly(
            "asset:Payments",
            "paysql",
            "arn:aws:rds:eu-west-1:1234:db:paysql",
            "db-pay-01",
            "10.20.1.7");
    assertThat(alert.detectedAt()).isEqualTo(Instant.ofEpochMilli(1764575000000L));
    assertThat(alert.correlationKey()).isEqualTo("corr-9");
    assertThat(alert.warnings()).isEmpty();
  }

  @Test
  void mapsDetectionFindingsWithObservables() {
    List<Alert> alerts =
        OcsfAdapter.mapAll(
            Json.parse(
                """
                [{"class_uid":2004,"severity_id":4,"time":1764576000000,
                  "finding_info":{"uid":"det-1","title":"C2 beacon","created_time":1764575900000},
                  "observables":[{"name":"dst","type_id":2,"type":"IP Address","value":"10.9.9.9"},
                                 {"name":"user","type_id":4,"value":"alice"},
                                 {"name":"host","type":"Hostname","value":"ws-042"}]},
                 {"class_uid":2004,"finding_info":{"uid":"det-2","title":"Scan"},"time_dt":"2026-12-01T09:00:00Z"}]"""));

    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(alerts.get(0).assets()).containsExactly("10.9.9.9", "ws-042");
    assertThat(alerts.get(1).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(alerts.get(1).detectedAt()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
  }

  @Test
  void aMinimalOrOtherClassFindingIsTakenWithWarnings() {
    Alert alert = OcsfAdapter.map(Json.parse("{\"class_uid\":2001,\"message\":\"Open bucket\"}"));

    assertThat(alert.source()).isEqualTo("ocsf");
    assertThat(alert.sourceId()).startsWith("sha256:");
    assertThat(alert.title()).isEqualTo("Open bucket");
    assertThat(alert.warnings())
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).startsWith("class_uid:"))
        .anySatisfy(w -> assertThat(w).startsWith("assets:"));
    assertThat(Json.rejectedFields(() -> OcsfAdapter.mapAll(Json.parse("[1,2]"))))
        .containsExactly("body");
  }
}
