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
import nl.herstel.contracts.bia.DependencyAdded;
import nl.herstel.contracts.bia.NodeKind;
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

  @Test
  void actionsOnThePlansBackupPoliciesAndTrainingShowOnThePlan() throws Exception {
    String processId = id();
    String dataId = id();
    String strayId = id();
    Instant now = Instant.now();
    tell(
        "herstel.bia.v1",
        new ProcessRegistered(
            processId,
            "Billing",
            null,
            false,
            false,
            null,
            Duration.ofHours(24),
            Duration.ofHours(8),
            Duration.ofHours(1),
            now),
        id(),
        "urn:herstel:bia-service");
    tell("herstel.bia.v1", data(dataId), id(), "urn:herstel:bia-service");
    tell("herstel.bia.v1", data(strayId), id(), "urn:herstel:bia-service");
    tell(
        "herstel.bia.v1",
        new DependencyAdded(id(), processId, NodeKind.PROCESS, dataId, NodeKind.ASSET, null, now),
        id(),
        "urn:herstel:bia-service");
    String planId = api.createdId(api.post("/api/plans/plans", "plan-owner", plan(processId)));
    String otherProcess = id();
    tell(
        "herstel.bia.v1",
        new ProcessRegistered(
            otherProcess,
            "Archive",
            null,
            false,
            false,
            null,
            Duration.ofHours(48),
            Duration.ofHours(24),
            null,
            now),
        id(),
        "urn:herstel:bia-service");
    String otherPlan =
        api.createdId(api.post("/api/plans/plans", "plan-owner", plan(otherProcess)));
    String covered = policy(dataId);
    String stray = policy(strayId);
    String training = training(planId);
    String otherTraining = training(otherPlan);
    Instant t0 = now.minusSeconds(60);
    String onPolicy = id();
    String onTraining = id();
    String onStray = id();
    String onOtherTraining = id();
    tell(
        "herstel.lessons.v1",
        recorded(
            onPolicy,
            "Add an offline copy",
            new ImprovementTarget("BACKUP_POLICY", covered, null),
            t0),
        id(),
        LESSONS);
    tell(
        "herstel.lessons.v1",
        recorded(
            onTraining, "Repeat the drill", new ImprovementTarget("TRAINING", training, null), t0),
        id(),
        LESSONS);
    tell(
        "herstel.lessons.v1",
        recorded(onStray, "Not this plan", new ImprovementTarget("BACKUP_POLICY", stray, null), t0),
        id(),
        LESSONS);
    tell(
        "herstel.lessons.v1",
        recorded(
            onOtherTraining,
            "Not this plan either",
            new ImprovementTarget("TRAINING", otherTraining, null),
            t0),
        id(),
        LESSONS);
    tell(
        "herstel.lessons.v1",
        changed(
            onPolicy,
            "IN_PROGRESS",
            new ImprovementTarget("BACKUP_POLICY", covered, null),
            t0.plusSeconds(10)),
        id(),
        LESSONS);

    List<JsonNode> actions =
        await()
            .atMost(WAIT)
            .until(
                () -> items("/api/plans/plans/" + planId + "/improvement-actions"),
                a -> a.size() >= 2);
    assertThat(actions).hasSize(2);
    JsonNode policy = byId(actions, onPolicy);
    assertThat(policy.get("targetKind").asText()).isEqualTo("BACKUP_POLICY");
    assertThat(policy.get("targetId").asText()).isEqualTo(covered);
    assertThat(policy.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(policy.get("planId").asText()).isEqualTo(planId);
    JsonNode trained = byId(actions, onTraining);
    assertThat(trained.get("targetKind").asText()).isEqualTo("TRAINING");
    assertThat(trained.get("targetId").asText()).isEqualTo(training);
    List<JsonNode> other =
        await()
            .atMost(WAIT)
            .until(
                () -> items("/api/plans/plans/" + otherPlan + "/improvement-actions"),
                a -> !a.isEmpty());
    assertThat(other).hasSize(1);
    assertThat(other.get(0).get("actionId").asText()).isEqualTo(onOtherTraining);
  }

  private static AssetRegistered data(String assetId) {
    return new AssetRegistered(
        assetId, "db-" + assetId, AssetKind.DATA, null, null, null, Instant.now());
  }

  private String policy(String assetId) {
    return api.createdId(
        api.post(
            "/api/plans/backup-policies",
            "plan-owner",
            ("{\"assetId\":\"%s\",\"name\":\"Nightly\",\"media\":\"DISK\","
                    + "\"location\":\"ONSITE\",\"type\":\"FULL\",\"frequency\":\"P1D\","
                    + "\"retention\":\"P30D\",\"covers\":[\"DATA\"]}")
                .formatted(assetId)));
  }

  private String training(String planId) {
    return api.createdId(
        api.post(
            "/api/plans/training-records",
            "plan-owner",
            ("{\"person\":\"ann\",\"role\":\"db-lead\",\"planId\":\"%s\","
                    + "\"topic\":\"Restore drill\",\"validUntil\":\"2099-01-01\"}")
                .formatted(planId)));
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
