package nl.herstel.incidents.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.lessons.ImprovementActionChanged;
import nl.herstel.contracts.lessons.ImprovementActionRecorded;
import nl.herstel.contracts.lessons.ImprovementTarget;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.ServiceClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The improvement actions lessons-service records for an incident show on the incident. */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class ImprovementActionIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String LESSONS = "urn:herstel:lessons-service";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void theActionsOfAnIncidentShowOnItInTheirNewestState() throws Exception {
    HttpResponse<String> opened =
        api.post(
            "/api/incidents/intake",
            "soc-intake",
            ("{\"source\":\"siem\",\"sourceId\":\"ALERT-%s\",\"title\":\"Phishing\","
                    + "\"severity\":\"HIGH\",\"assets\":[\"host-%s\"]}")
                .formatted(UUID.randomUUID(), UUID.randomUUID()));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(202);
    String incidentId = api.json(opened).get("incidentId").asText();
    String path = "/api/incidents/" + incidentId + "/improvement-actions";
    await().atMost(WAIT).until(() -> api.get(path, "management").statusCode() == 200);
    assertThat(api.items(path, "management")).isEmpty();

    String actionId = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    Instant t0 = Instant.now().minusSeconds(60);
    ImprovementTarget target = new ImprovementTarget("PROCESS", "proc-1", null);
    String recordedId = UUID.randomUUID().toString();
    ImprovementActionRecorded recorded =
        new ImprovementActionRecorded(
            actionId,
            "Phishing training",
            "OPEN",
            null,
            "HR",
            LocalDate.now().plusDays(30),
            "MEDIUM",
            target,
            incidentId,
            null,
            t0);
    tell(recorded, recordedId);
    tell(
        new ImprovementActionRecorded(
            other, "Unrelated", "OPEN", null, "HR", LocalDate.now(), "LOW", target, null, null, t0),
        UUID.randomUUID().toString());
    tell(changed(actionId, incidentId, "DONE", t0.plusSeconds(20)), UUID.randomUUID().toString());
    tell(
        changed(actionId, incidentId, "IN_PROGRESS", t0.plusSeconds(10)),
        UUID.randomUUID().toString());
    tell(recorded, recordedId);

    JsonNode actions = api.items(path, "auditor");
    assertThat(actions).hasSize(1);
    assertThat(actions.get(0).get("actionId").asText()).isEqualTo(actionId);
    assertThat(actions.get(0).get("status").asText()).isEqualTo("DONE");
    assertThat(actions.get(0).get("targetKind").asText()).isEqualTo("PROCESS");
    assertThat(
            ItDatabase.count(
                "SELECT count(*) FROM incident_improvement_action WHERE action_id = ?", other))
        .isZero();
    assertThat(
            api.get("/api/incidents/" + UUID.randomUUID() + "/improvement-actions", "auditor")
                .statusCode())
        .isEqualTo(404);
    assertThat(api.get(path, "soc-intake").statusCode()).isEqualTo(403);
  }

  private static ImprovementActionChanged changed(
      String actionId, String incidentId, String status, Instant at) {
    return new ImprovementActionChanged(
        actionId,
        "Phishing training",
        status,
        null,
        "HR",
        LocalDate.now().plusDays(30),
        "MEDIUM",
        new ImprovementTarget("PROCESS", "proc-1", null),
        incidentId,
        null,
        at);
  }

  private static void tell(IntegrationEvent event, String ceId) {
    ItKafka.publish(
        "herstel.lessons.v1",
        event.subject(),
        ContractJson.write(event),
        EventTypes.of(event.getClass()).type(),
        ceId,
        LESSONS);
    await()
        .atMost(WAIT)
        .until(
            () ->
                ItDatabase.count("SELECT count(*) FROM inbox_message WHERE message_id = ?", ceId)
                    == 1);
  }
}
