package nl.herstel.plans.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.lessons.ImprovementActionChanged;
import nl.herstel.contracts.lessons.ImprovementActionRecorded;
import nl.herstel.contracts.lessons.ImprovementTarget;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.ServiceClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The improvement actions lessons-service publishes reach the plan they target, once and in their
 * newest state; and plan-service tells lessons about its backup policies.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class PlanImprovementActionIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String LESSONS = "urn:herstel:lessons-service";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void actionsOnAPlanOrItsCardsShowOnThePlanInTheirNewestState() throws Exception {
    String processId = id();
    tell(
        "herstel.bia.v1",
        new ProcessRegistered(
            processId,
            "Payments",
            null,
            true,
            true,
            null,
            Duration.ofHours(24),
            Duration.ofHours(8),
            Duration.ofHours(1),
            Instant.now()),
        id(),
        "urn:herstel:bia-service");
    String planId = api.createdId(api.post("/api/plans/plans", "plan-owner", plan(processId)));
    String path = "/api/plans/plans/" + planId + "/improvement-actions";
    await().atMost(WAIT).until(() -> api.get(path, "plan-owner").statusCode() == 200);
    assertThat(items(path)).isEmpty();

    String onPlan = id();
    String onCard = id();
    String elsewhere = id();
    Instant t0 = Instant.now().minusSeconds(60);
    String recordedId = id();
    tell(
        "herstel.lessons.v1",
        recorded(onPlan, "Add a restore runbook", new ImprovementTarget("PLAN", planId, null), t0),
        recordedId,
        LESSONS);
    tell(
        "herstel.lessons.v1",
        recorded(
            onCard,
            "Isolate faster",
            new ImprovementTarget("SCENARIO_CARD", "ransomware", planId),
            t0),
        id(),
        LESSONS);
    tell(
        "herstel.lessons.v1",
        recorded(elsewhere, "Train Ann", new ImprovementTarget("PROCESS", processId, null), t0),
        id(),
        LESSONS);
    tell(
        "herstel.lessons.v1",
        changed(onPlan, "DONE", new ImprovementTarget("PLAN", planId, null), t0.plusSeconds(20)),
        id(),
        LESSONS);
    tell(
        "herstel.lessons.v1",
        changed(
            onPlan, "IN_PROGRESS", new ImprovementTarget("PLAN", planId, null), t0.plusSeconds(10)),
        id(),
        LESSONS);
    tell(
        "herstel.lessons.v1",
        recorded(onPlan, "Add a restore runbook", new ImprovementTarget("PLAN", planId, null), t0),
        recordedId,
        LESSONS);

    List<JsonNode> actions = items(path);
    assertThat(actions).hasSize(2);
    JsonNode plan = byId(actions, onPlan);
    assertThat(plan.get("status").asText()).isEqualTo("DONE");
    assertThat(plan.get("scenarioCardId").isNull()).isTrue();
    JsonNode card = byId(actions, onCard);
    assertThat(card.get("status").asText()).isEqualTo("OPEN");
    assertThat(card.get("scenarioCardId").asText()).isEqualTo("ransomware");
    assertThat(card.get("owner").asText()).isEqualTo("CIO");
    assertThat(
            ItDatabase.count(
                "SELECT count(*) FROM plan_improvement_action WHERE action_id = ?", elsewhere))
        .isZero();

    tell(
        "herstel.lessons.v1",
        changed(
            onCard, "OPEN", new ImprovementTarget("PROCESS", processId, null), t0.plusSeconds(30)),
        id(),
        LESSONS);
    List<JsonNode> after = items(path);
    assertThat(after).hasSize(1);
    assertThat(after.get(0).get("actionId").asText()).isEqualTo(onPlan);

    assertThat(api.get("/api/plans/plans/" + id() + "/improvement-actions", "auditor").statusCode())
        .isEqualTo(404);
    assertThat(api.get(path, "soc-intake").statusCode()).isEqualTo(403);
  }

  @Test
  void aBackupPolicyIsPublishedSoLessonsCanTargetIt() {
    String assetId = id();
    tell(
        "herstel.bia.v1",
        new AssetRegistered(
            assetId, "db-" + assetId, AssetKind.DATA, null, null, null, Instant.now()),
        id(),
        "urn:herstel:bia-service");
    String policyId =
        api.createdId(
            api.post(
                "/api/plans/backup-policies",
                "plan-owner",
                ("{\"assetId\":\"%s\",\"name\":\"Nightly\",\"media\":\"DISK\",\"location\":\"ONSITE\","
                        + "\"type\":\"FULL\",\"frequency\":\"P1D\",\"retention\":\"P30D\","
                        + "\"covers\":[\"DATA\"]}")
                    .formatted(assetId)));
    List<ConsumerRecord<String, byte[]>> records =
        ItKafka.awaitRecords(
            "herstel.plans.v1",
            r ->
                policyId.equals(r.key())
                    && "nl.herstel.plans.backup-policy-recorded.v1"
                        .equals(ItKafka.header(r, "ce_type")),
            WAIT);
    assertThat(records).hasSize(1);
    String payload = new String(records.get(0).value(), StandardCharsets.UTF_8);
    assertThat(payload).contains("\"assetId\":\"" + assetId + "\"", "\"name\":\"Nightly\"");
  }

  private static JsonNode byId(List<JsonNode> actions, String actionId) {
    return actions.stream()
        .filter(a -> actionId.equals(a.get("actionId").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no action " + actionId + " in " + actions));
  }

  private List<JsonNode> items(String path) {
    List<JsonNode> items = new ArrayList<>();
    api.ok(api.get(path, "plan-owner")).get("items").forEach(items::add);
    return items;
  }

  private static ImprovementActionRecorded recorded(
      String id, String title, ImprovementTarget target, Instant at) {
    return new ImprovementActionRecorded(
        id,
        title,
        "OPEN",
        null,
        "CIO",
        LocalDate.now().plusDays(30),
        "HIGH",
        target,
        null,
        null,
        at);
  }

  private static ImprovementActionChanged changed(
      String id, String status, ImprovementTarget target, Instant at) {
    return new ImprovementActionChanged(
        id,
        "Add a restore runbook",
        status,
        null,
        "CIO",
        LocalDate.now().plusDays(30),
        "HIGH",
        target,
        null,
        null,
        at);
  }

  private static void tell(String topic, IntegrationEvent event, String ceId, String source) {
    ItKafka.publish(
        topic,
        event.subject(),
        ContractJson.write(event),
        EventTypes.of(event.getClass()).type(),
        ceId,
        source);
    await()
        .atMost(WAIT)
        .until(
            () ->
                ItDatabase.count("SELECT count(*) FROM inbox_message WHERE message_id = ?", ceId)
                    == 1);
  }

  private static String plan(String processId) {
    return """
        {"name":"Payments recovery","owner":"CIO","coveredProcessIds":["%s"],
         "scenarioCards":[{"id":"ransomware","scenario":"RANSOMWARE","title":"Ransomware",
           "steps":[{"id":"restore","title":"Restore the last clean backup","expectedDuration":"PT4H"}]}]}
        """
        .formatted(processId);
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
