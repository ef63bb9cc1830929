package nl.herstel.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.herstel.contracts.incidents.Severity;
import org.junit.jupiter.api.Test;

/** Incidents and alerts shaped after Microsoft Sentinel's REST resources and playbook triggers. */
class SentinelAdapterTest {
  static final String INCIDENT_TRIGGER =
      """
      {"workspaceId":"2f9c-ws","object":{
        "id":"/subscriptions/d0cf/resourceGroups/soc/providers/Microsoft.OperationalInsights/workspaces/ws/providers/Microsoft.SecurityInsights/Incidents/6b1f0e7a-1111-4c2d-9e3f-0a1b2c3d4e5f",
        "name":"6b1f0e7a-1111-4c2d-9e3f-0a1b2c3d4e5f","type":"Microsoft.SecurityInsights/Incidents",
        "properties":{"title":"Lateral movement towards payments","severity":"High","status":"New",
          "incidentNumber":4120,"createdTimeUtc":"2026-12-01T09:00:00Z",
          "firstActivityTimeUtc":"2026-12-01T08:41:00Z","lastModifiedTimeUtc":"2026-12-01T09:01:00Z",
          "labels":[{"labelName":"asset:Payments","labelType":"User"}],
          "relatedEntities":[
            {"id":"e1","kind":"Host","properties":{"hostName":"db-pay-01","dnsDomain":"corp.example.nl",
               "osFamily":"Linux","friendlyName":"db-pay-01"}},
            {"id":"e2","kind":"Account","properties":{"accountName":"svc-backup"}},
            {"id":"e3","kind":"Ip","properties":{"address":"10.20.1.7"}},
            {"id":"e4","kind":"AzureResource","properties":{"resourceId":"/subscriptions/d0cf/resourceGroups/pay/providers/Microsoft.Sql/servers/paysql"}}]}}}
      """;

  @Test
  void mapsAnIncidentTriggerWithLabelsAndEntitiesInOrder() {
    Alert alert = SentinelAdapter.map(Json.parse(INCIDENT_TRIGGER));

    assertThat(alert.source()).isEqualTo("sentinel");
    assertThat(alert.sourceId()).isEqualTo("6b1f0e7a-1111-4c2d-9e3f-0a1b2c3d4e5f");
    assertThat(alert.severity()).isEqualTo(Severity.HIGH);
    assertThat(alert.assets())
        .containsExactly(
            "asset:Payments",
            "db-pay-01.corp.example.nl",
            "db-pay-01",
            "10.20.1.7",
            "/subscriptions/d0cf/resourceGroups/pay/providers/Microsoft.Sql/servers/paysql");
    assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2026-12-01T08:41:00Z"));
    assertThat(alert.warnings()).isEmpty();
  }

  @Test
  void mapsABareIncidentWithoutEntities() {
    Alert alert =
        SentinelAdapter.map(
            Json.parse(
                """
                {"name":"77aa","properties":{"title":"Suspicious sign-ins","severity":"Informational",
                 "createdTimeUtc":"2026-12-01T10:00:00Z"}}"""));

    assertThat(alert.sourceId()).isEqualTo("77aa");
    assertThat(alert.severity()).isEqualTo(Severity.LOW);
    assertThat(alert.assets()).isEmpty();
    assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(alert.warnings()).singleElement().asString().startsWith("assets:");
  }

  @Test
  void mapsAnAlertWithItsEntitiesAsJsonText() {
    Alert alert =
        SentinelAdapter.map(
            Json.parse(
                """
                {"SystemAlertId":"a7c3-55","AlertDisplayName":"Mimikatz detected",
                 "AlertSeverity":"Medium","ProviderName":"MDATP","StartTime":"2026-12-01T07:00:00Z",
                 "Entities":"[{\\"$id\\":\\"2\\",\\"HostName\\":\\"ws-042\\",\\"NetBiosName\\":\\"WS-042\\",\\"Type\\":\\"host\\"},{\\"$id\\":\\"3\\",\\"Address\\":\\"10.30.0.42\\",\\"Type\\":\\"ip\\"}]"}"""));

    assertThat(alert.sourceId()).isEqualTo("a7c3-55");
    assertThat(alert.title()).isEqualTo("Mimikatz detected");
    assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(alert.assets()).containsExactly("ws-042", "10.30.0.42");
    assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
  }

  @Test
  void aMinimalAlertWithUnknownSeverityIsTakenWithWarnings() {
    Alert alert =
        SentinelAdapter.map(
            Json.parse(
                """
                {"properties":{"alertDisplayName":"Odd","severity":"Severe",
                 "entities":[{"kind":"Host","properties":{"azureID":"/subscriptions/x/vm1"}}]}}"""));

    assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(alert.sourceId()).startsWith("sha256:");
    assertThat(alert.assets()).containsExactly("/subscriptions/x/vm1");
    assertThat(alert.warnings()).singleElement().asString().contains("Severe");
  }
}
