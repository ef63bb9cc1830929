package nl.herstel.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import org.junit.jupiter.api.Test;

class OcsfAdapterTest {
  static final String FINDING =
      """
      {"class_uid":2005,"class_name":"Incident Finding","category_uid":2,"activity_id":1,
       "type_uid":200501,"severity_id":5,"severity":"Critical","status_id":1,"priority_id":4,
       "impact_id":4,"verdict_id":0,"is_suspected_breach":true,"time":1795942800000,
       "desc":"Encrypted shares on the payments file server",
       "metadata":{"version":"1.1.0","product":{"name":"Security Hub","vendor_name":"AWS"}},
       "finding_info_list":[{"uid":"inc-2026-0042","title":"Ransomware on payments",
         "first_seen_time":1795939200000}],
       "resources":[{"name":"fs-payments-01","type":"Server"}],
       "device":{"hostname":"db-payments-01","ip":"10.1.2.3"}}
      """;

  @Test
  void mapsIdSeverityResourcesDeviceAndFirstSeen() {
    Alert alert = OcsfAdapter.map(Json.parse(FINDING));

    assertThat(alert.source()).isEqualTo("ocsf/security hub");
    assertThat(alert.sourceId()).isEqualTo("inc-2026-0042");
    assertThat(alert.title()).isEqualTo("Ransomware on payments");
    assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.assets()).containsExactly("fs-payments-01", "db-payments-01");
    assertThat(alert.detectedAt()).isEqualTo(Instant.ofEpochMilli(1795939200000L));
    assertThat(alert.raw().get("is_suspected_breach").asBoolean()).isTrue();
  }

  @Test
  void namesTheFieldItCannotMap() {
    assertThat(
            Json.rejectedFields(() -> OcsfAdapter.map(Json.parse(FINDING.replace("2005", "2004")))))
        .containsExactly("class_uid");
    ObjectNode noAsset = (ObjectNode) Json.parse(FINDING);
    noAsset.remove(List.of("resources", "device"));
    assertThat(Json.rejectedFields(() -> OcsfAdapter.map(noAsset))).containsExactly("resources");
  }
}
