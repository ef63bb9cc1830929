package nl.herstel.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.herstel.contracts.incidents.Severity;
import org.junit.jupiter.api.Test;

/** Alerts, cases and webhook notifications shaped after TheHive's documented models. */
class TheHiveAdapterTest {
  static final String ALERT =
      """
      {"title":"Beaconing from payments DB","description":"Periodic DNS to a rare domain",
       "severity":3,"date":1764576000000,"tags":["asset:Payments database","tlp:amber"],
       "tlp":2,"status":"New","type":"external","source":"zeek","sourceRef":"zk-8812",
       "follow":true,
       "artifacts":[{"dataType":"hostname","data":"db-pay-01","message":"src"},
                    {"dataType":"ip","data":"10.20.1.7"},
                    {"dataType":"url","data":"http://rare.example.com/x"}]}
      """;

  @Test
  void mapsATheHive4AlertWithTagsAndArtifacts() {
    Alert alert = TheHiveAdapter.map(Json.parse(ALERT)).orElseThrow();

    assertThat(alert.source()).isEqualTo("thehive");
    assertThat(alert.sourceId()).isEqualTo("external/zeek/zk-8812");
    assertThat(alert.severity()).isEqualTo(Severity.HIGH);
    assertThat(alert.assets()).containsExactly("asset:Payments database", "db-pay-01", "10.20.1.7");
    assertThat(alert.detectedAt()).isEqualTo(Instant.ofEpochMilli(1764576000000L));
    assertThat(alert.warnings()).isEmpty();
  }

  @Test
  void mapsATheHive5AlertNotificationWithObservablesAndSeverityLabel() {
    Alert alert =
        TheHiveAdapter.map(
                Json.parse(
                    """
                    {"operation":"create","objectType":"Alert","objectId":"~4264",
                     "organisation":"soc","object":{"_id":"~4264","_type":"Alert",
                       "type":"edr","source":"defender","sourceRef":"da-1","title":"Ransom note",
                       "severityLabel":"CRITICAL","_createdAt":1764576100000,
                       "observables":[{"dataType":"fqdn","data":"fs01.corp.example.nl"}],
                       "customFields":[{"name":"asset","value":"File server"}]}}"""))
            .orElseThrow();

    assertThat(alert.sourceId()).isEqualTo("edr/defender/da-1");
    assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.assets()).containsExactly("fs01.corp.example.nl", "File server");
    assertThat(alert.detectedAt()).isEqualTo(Instant.ofEpochMilli(1764576100000L));
  }

  @Test
  void mapsACaseNotification() {
    Alert alert =
        TheHiveAdapter.map(
                Json.parse(
                    """
                    {"operation":"Creation","objectType":"case","objectId":"AV6FZs",
                     "startDate":1764576200000,"details":{},
                     "object":{"caseId":1445,"title":"Compromised mail server","severity":2,
                       "startDate":1764576200000,"tags":["asset=mail-01"],"status":"Open"}}"""))
            .orElseThrow();

    assertThat(alert.sourceId()).isEqualTo("case/1445");
    assertThat(alert.correlationKey()).isEqualTo("case/1445");
    assertThat(alert.assets()).containsExactly("asset=mail-01");
    assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void aMinimalAlertAndADeletion() {
    Alert minimal =
        TheHiveAdapter.map(Json.parse("{\"title\":\"x\",\"_id\":\"~1\"}")).orElseThrow();
    assertThat(minimal.sourceId()).isEqualTo("~1");
    assertThat(minimal.warnings())
        .anySatisfy(w -> assertThat(w).startsWith("sourceRef:"))
        .anySatisfy(w -> assertThat(w).startsWith("assets:"));
    assertThat(
            TheHiveAdapter.map(
                Json.parse("{\"operation\":\"Delete\",\"objectType\":\"alert\",\"object\":{}}")))
        .isEmpty();
    assertThat(Json.rejectedFields(() -> TheHiveAdapter.map(Json.parse("\"alert\""))))
        .containsExactly("body");
  }
}
