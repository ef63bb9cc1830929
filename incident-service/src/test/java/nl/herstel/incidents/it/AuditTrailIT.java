package nl.herstel.incidents.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ServiceClient;
import nl.herstel.devstack.testing.TestInfrastructure;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The incident's audit trail is hash-chained: intact as written, broken when a row is altered. */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class AuditTrailIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void anUntouchedHistoryIsIntactAndATamperedRowIsNamed() throws Exception {
    String incidentId = report();
    JsonNode intact =
        api.getJson("/api/incidents/" + incidentId + "/history/verification", "auditor");
    assertThat(intact.get("intact").asBoolean()).isTrue();
    assertThat(intact.get("eventsChecked").asLong()).isPositive();

    try (Connection c = database();
        PreparedStatement tamper =
            c.prepareStatement(
                "UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload,"
                    + " 'UTF8'), 'CRITICAL', 'LOW'), 'UTF8') WHERE aggregateidentifier = ?"
                    + " AND sequencenumber = 0")) {
      tamper.setString(1, incidentId);
      assertThat(tamper.executeUpdate()).isEqualTo(1);
    }

    JsonNode broken =
        api.getJson("/api/incidents/" + incidentId + "/history/verification", "auditor");
    assertThat(broken.get("intact").asBoolean()).isFalse();
    assertThat(broken.get("firstBrokenSequence").asLong()).isZero();
    assertThat(broken.get("reason").asText()).contains("does not match");
  }

  @Test
  void anUnknownIncidentIsNotFoundAndOtherRolesMayNotVerify() {
    String path = "/api/incidents/" + UUID.randomUUID() + "/history/verification";
    assertThat(api.get(path, "auditor").statusCode()).isEqualTo(404);
    assertThat(api.get(path, "soc-intake").statusCode()).isEqualTo(403);
  }

  private String report() {
    var response =
        api.post(
            "/api/incidents/intake",
            "soc-intake",
            ("{\"source\":\"audit-it\",\"sourceId\":\"%s\",\"title\":\"Ransomware\","
                    + "\"severity\":\"CRITICAL\",\"assets\":[\"unknown-host\"]}")
                .formatted(UUID.randomUUID()));
    assertThat(response.statusCode()).isEqualTo(202);
    return api.json(response).get("incidentId").asText();
  }

  private static Connection database() throws Exception {
    TestInfrastructure infra = TestInfrastructure.get();
    return DriverManager.getConnection(
        infra.jdbcUrl(System.getProperty("herstel.it.database")),
        infra.dbUser(),
        infra.dbPassword());
  }
}
