package nl.herstel.incidents.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.herstel.contracts.incidents.Severity;
import org.junit.jupiter.api.Test;

class ElasticAdapterTest {
  static final String ALERT =
      """
      {"@timestamp":"2026-11-29T08:45:00.000Z",
       "kibana.alert.uuid":"9f6c1c7e2b3a4d5e","kibana.alert.rule.name":"Ransomware - Detected",
       "kibana.alert.severity":"critical","kibana.alert.risk_score":99,
       "kibana.alert.original_time":"2026-11-29T08:40:12.500Z",
       "kibana.alert.reason":"file event with process vssadmin.exe on db-payments-01",
       "kibana":{"space_ids":["default"]},
       "host":{"name":"db-payments-01","os":{"family":"windows"},"ip":["10.1.2.3"]},
       "process":{"name":"vssadmin.exe"}}
      """;

  @Test
  void mapsDottedAndNestedEcsFields() {
    Alert alert = ElasticAdapter.map(Json.parse(ALERT));

    assertThat(alert.source()).isEqualTo("elastic");
    assertThat(alert.sourceId()).isEqualTo("9f6c1c7e2b3a4d5e");
    assertThat(alert.title()).isEqualTo("Ransomware - Detected");
    assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.assets()).containsExactly("db-payments-01");
    assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2026-11-29T08:40:12.500Z"));
    assertThat(alert.raw().get("process").get("name").asText()).isEqualTo("vssadmin.exe");
  }

  @Test
  void readsFullyNestedDocumentsAndFallsBackToTheHostIp() {
    String nested =
        """
        {"@timestamp":"2026-11-29T08:45:00Z",
         "kibana":{"alert":{"uuid":"u-1","severity":"low","rule":{"name":"Port scan"}}},
         "host":{"ip":["10.9.9.9"]}}
        """;
    Alert alert = ElasticAdapter.map(Json.parse(nested));
    assertThat(alert.sourceId()).isEqualTo("u-1");
    assertThat(alert.title()).isEqualTo("Port scan");
    assertThat(alert.assets()).containsExactly("10.9.9.9");
    assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2026-11-29T08:45:00Z"));
  }

  @Test
  void namesTheFieldItCannotMap() {
    assertThat(
            Json.rejectedFields(
                () -> ElasticAdapter.map(Json.parse(ALERT.replace("\"critical\"", "\"urgent\"")))))
        .containsExactly("kibana.alert.severity");
    assertThat(
            Json.rejectedFields(
                () -> ElasticAdapter.map(Json.parse("{\"kibana.alert.uuid\":\"x\",\"host\":{}}"))))
        .containsExactly("host.name");
  }
}
