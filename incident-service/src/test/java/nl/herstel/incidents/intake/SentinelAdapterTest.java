package nl.herstel.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.herstel.contracts.incidents.Severity;
import org.junit.jupiter.api.Test;

class SentinelAdapterTest {
  static final String INCIDENT =
      """
      {"object":{
        "id":"/subscriptions/d0cfe6b2/resourceGroups/soc/providers/Microsoft.OperationalInsights/workspaces/ws/providers/Microsoft.SecurityInsights/Incidents/73e01a99-5cd7-4139-a149-9f2736ff2ab5",
        "name":"73e01a99-5cd7-4139-a149-9f2736ff2ab5","etag":"\\"0300bf09-0000-0000-0000-5c37296e0000\\"",
        "type":"Microsoft.SecurityInsights/Incidents",
        "properties":{"title":"Multi-stage attack on payments","description":"Suspicious process",
          "severity":"High","status":"New","incidentNumber":3177,
          "incidentUrl":"https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/x",
          "createdTimeUtc":"2026-11-29T08:30:00Z","firstActivityTimeUtc":"2026-11-29T08:01:02Z",
          "lastActivityTimeUtc":"2026-11-29T08:20:00Z","labels":[],"owner":{"objectId":null},
          "additionalData":{"alertsCount":2,"tactics":["Execution"]},
          "relatedEntities":[
            {"kind":"Host","properties":{"hostName":"db-payments-01","osFamily":"Linux"}},
            {"kind":"Account","properties":{"accountName":"svc-backup"}},
            {"kind":"Ip","properties":{"address":"10.1.2.3"}}]}}}
      """;

  @Test
  void mapsNameSeverityEntitiesAndFirstActivity() {
    Alert alert = SentinelAdapter.map(Json.parse(INCIDENT));

    assertThat(alert.source()).isEqualTo("sentinel");
    assertThat(alert.sourceId()).isEqualTo("73e01a99-5cd7-4139-a149-9f2736ff2ab5");
    assertThat(alert.title()).isEqualTo("Multi-stage attack on payments");
    assertThat(alert.severity()).isEqualTo(Severity.HIGH);
    assertThat(alert.assets()).containsExactly("db-payments-01", "10.1.2.3");
    assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2026-11-29T08:01:02Z"));
    assertThat(alert.raw().get("object").get("properties").get("incidentNumber").asInt())
        .isEqualTo(3177);
  }

  @Test
  void namesTheFieldItCannotMap() {
    assertThat(
            Json.rejectedFields(
                () -> SentinelAdapter.map(Json.parse(INCIDENT.replace("\"High\"", "\"Severe\"")))))
        .containsExactly("object.properties.severity");
    assertThat(
            Json.rejectedFields(
                () ->
                    SentinelAdapter.map(
                        Json.parse(
                            INCIDENT
                                .replace("\"Host\"", "\"File\"")
                                .replace("\"Ip\"", "\"Url\"")))))
        .containsExactly("object.properties.relatedEntities");
  }
}
