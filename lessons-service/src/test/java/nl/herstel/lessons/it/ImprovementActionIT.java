package nl.herstel.lessons.it;

import static nl.herstel.devstack.testing.ItKafka.header;
import static nl.herstel.lessons.it.LessonsFixtures.WAIT;
import static nl.herstel.lessons.it.LessonsFixtures.all;
import static nl.herstel.lessons.it.LessonsFixtures.fields;
import static nl.herstel.lessons.it.LessonsFixtures.opened;
import static nl.herstel.lessons.it.LessonsFixtures.process;
import static nl.herstel.lessons.it.LessonsFixtures.storedEvents;
import static nl.herstel.lessons.it.LessonsFixtures.tell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.AssetRetired;
import nl.herstel.contracts.bia.ThreatRegistered;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.contracts.plans.BackupPolicyRecorded;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.contracts.plans.ScenarioCard;
import nl.herstel.contracts.plans.TrainingRecorded;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.ServiceClient;
import nl.herstel.devstack.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Improvement actions on the real server: every kind of target known from the services that own it,
 * unknown targets and bad input refused with nothing stored, the life of an action under its ETag,
 * who may move it, the overdue list and the filters, the actions of an incident, and the contract
 * events plan-service reads.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class ImprovementActionIT {
  private static final String BCM = "bcm-manager";
  private static final String ACTIONS = "/api/lessons/improvement-actions";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void everyKindOfTargetKnownToLessonsCanBeImprovedAndAnUnknownOneIsNotFound() {
    String processId = process("Payroll " + UUID.randomUUID());
    String assetId = id();
    tell(
        "herstel.bia.v1",
        new AssetRegistered(
            assetId, "db-" + assetId, AssetKind.DATA, null, null, null, Instant.now()),
        "urn:herstel:bia-service");
    String threatId = id();
    tell(
        "herstel.bia.v1",
        new ThreatRegistered(threatId, "Ransomware", null, 3, Instant.now()),
        "urn:herstel:bia-service");
    String planId = id();
    tell(
        "herstel.plans.v1",
        new PlanPublished(
            planId,
            "Payments recovery",
            4,
            List.of(processId),
            List.of("incident-commander"),
            List.of(
                new ScenarioCard(
                    "RANSOMWARE", "Ransomware", List.of("Isolate"), "card-1", null, null)),
            Instant.now()),
        "urn:herstel:plan-service");
    String policyId = id();
    tell(
        "herstel.plans.v1",
        new BackupPolicyRecorded(policyId, assetId, "Nightly", Instant.now()),
        "urn:herstel:plan-service");
    String trainingId = id();
    tell(
        "herstel.plans.v1",
        new TrainingRecorded(
            trainingId,
            "ann",
            "network-lead",
            planId,
            "Isolation drill",
            LocalDate.now(),
            LocalDate.now().plusYears(1),
            Instant.now()),
        "urn:herstel:plan-service");

    List<String> targets =
        List.of(
            target("PROCESS", processId, null),
            target("ASSET", assetId, null),
            target("THREAT", threatId, null),
            target("PLAN", planId, null),
            target("SCENARIO_CARD", "card-1", planId),
            target("BACKUP_POLICY", policyId, null),
            target("TRAINING", trainingId, null));
    for (String target : targets) {
      HttpResponse<String> created = api.post(ACTIONS, BCM, action("Improve", "CFO", 30, target));
      assertThat(created.statusCode()).as(target + ": " + created.body()).isEqualTo(201);
    }

    long before = storedEvents("ImprovementActionRecorded");
    for (String unknown :
        List.of(
            target("PROCESS", id(), null),
            target("ASSET", id(), null),
            target("PLAN", id(), null),
            target("SCENARIO_CARD", "card-2", planId),
            target("SCENARIO_CARD", "card-1", id()),
            target("BACKUP_POLICY", id(), null),
            target("TRAINING", id(), null),
            target("THREAT", processId, null))) {
      HttpResponse<String> refused = api.post(ACTIONS, BCM, action("Improve", "CFO", 30, unknown));
      assertThat(refused.statusCode()).as(unknown).isEqualTo(404);
      assertThat(fields(refused, api)).as(unknown).containsExactly("target.id");
    }
    tell(
        "herstel.bia.v1",
        new AssetRetired(assetId, "Decommissioned", Instant.now()),
        "urn:herstel:bia-service");
    HttpResponse<String> retired =
        api.post(ACTIONS, BCM, action("Improve", "CFO", 30, target("ASSET", assetId, null)));
    assertThat(retired.statusCode()).isEqualTo(404);
    assertThat(storedEvents("ImprovementActionRecorded")).isEqualTo(before);
  }

  @Test
  void badInputNamesTheFieldAndStoresNothing() {
    String processId = process("Sales " + UUID.randomUUID());
    String target = target("PROCESS", processId, null);
    long before = storedEvents("ImprovementActionRecorded");
    HttpResponse<String> missing =
        api.post(
            ACTIONS, BCM, "{\"owner\":\"CFO\",\"priority\":\"LOW\",\"target\":" + target + "}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(fields(missing, api)).containsExactly("due", "title");
    HttpResponse<String> priority =
        api.post(ACTIONS, BCM, action("Improve", "CFO", 3, target).replace("HIGH", "URGENT"));
    assertThat(priority.statusCode()).isEqualTo(400);
    assertThat(fields(priority, api)).containsExactly("priority");
    HttpResponse<String> kind =
        api.post(ACTIONS, BCM, action("Improve", "CFO", 3, target("WIKI", "x", null)));
    assertThat(kind.statusCode()).isEqualTo(400);
    assertThat(fields(kind, api)).containsExactly("target.kind");
    HttpResponse<String> card =
        api.post(ACTIONS, BCM, action("Improve", "CFO", 3, target("SCENARIO_CARD", "c", null)));
    assertThat(card.statusCode()).isEqualTo(400);
    assertThat(fields(card, api)).containsExactly("target.planId");
    HttpResponse<String> due =
        api.post(
            ACTIONS, BCM, action("Improve", "CFO", 3, target).replace("\"due\":\"", "\"due\":\"x"));
    assertThat(due.statusCode()).isEqualTo(400);
    assertThat(fields(due, api)).containsExactly("due");
    HttpResponse<String> incident =
        api.post(
            ACTIONS,
            BCM,
            action("Improve", "CFO", 3, target)
                .replace("{\"title\"", "{\"incidentId\":\"nope\",\"title\""));
    assertThat(incident.statusCode()).isEqualTo(404);
    assertThat(fields(incident, api)).containsExactly("incidentId");
    assertThat(api.post(ACTIONS, "management", action("Improve", "CFO", 3, target)).statusCode())
        .isEqualTo(403);
    assertThat(api.post(ACTIONS, "process-owner", action("Improve", "CFO", 3, target)).statusCode())
        .isEqualTo(403);
    assertThat(storedEvents("ImprovementActionRecorded")).isEqualTo(before);
  }

  @Test
  void anActionLivesUnderItsETagAndIsVisibleOnItsIncidentAndOnKafka() throws Exception {
    String incidentId = opened(Severity.CRITICAL);
    String planId = id();
    tell(
        "herstel.plans.v1",
        new PlanPublished(planId, "Portal plan", 1, List.of(), List.of(), List.of(), Instant.now()),
        "urn:herstel:plan-service");
    String body =
        action("Restore runbook", "test-process-owner", -3, target("PLAN", planId, null))
            .replace("{\"title\"", "{\"incidentId\":\"" + incidentId + "\",\"title\"");
    HttpResponse<String> created = api.post(ACTIONS, "incident-commander", body);
    String id = api.createdId(created);
    assertThat(created.headers().firstValue("Location"))
        .hasValue(
            "http://localhost:" + System.getProperty("herstel.it.http.port") + ACTIONS + "/" + id);

    HttpResponse<String> patched =
        patch(
            ACTIONS + "/" + id,
            BCM,
            "{\"priority\":\"CRITICAL\",\"description\":\"Write it\"}",
            "\"0\"");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThat(patched.headers().firstValue("ETag")).hasValue("\"1\"");
    HttpResponse<String> stale = patch(ACTIONS + "/" + id, BCM, "{\"priority\":\"LOW\"}", "\"0\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    HttpResponse<String> staleStatus =
        api.post(ACTIONS + "/" + id + "/status", BCM, "{\"status\":\"DONE\"}", "\"0\"");
    assertThat(staleStatus.statusCode()).isEqualTo(412);
    HttpResponse<String> badTarget =
        patch(
            ACTIONS + "/" + id,
            BCM,
            "{\"target\":{\"kind\":\"PLAN\",\"id\":\"" + id() + "\"}}",
            null);
    assertThat(badTarget.statusCode()).isEqualTo(404);
    assertThat(fields(badTarget, api)).containsExactly("target.id");
    HttpResponse<String> incomplete = api.put(ACTIONS + "/" + id, BCM, "{\"title\":\"x\"}", null);
    assertThat(incomplete.statusCode()).isEqualTo(400);
    assertThat(fields(incomplete, api)).containsExactly("owner", "due", "priority", "target");

    String other =
        api.createdId(
            api.post(
                ACTIONS,
                BCM,
                action("Not mine", "someone-else", 10, target("PLAN", planId, null))));
    assertThat(
            api.post(
                    ACTIONS + "/" + other + "/status",
                    "process-owner",
                    "{\"status\":\"IN_PROGRESS\"}")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> wontDo =
        api.post(ACTIONS + "/" + other + "/status", BCM, "{\"status\":\"WONT_DO\"}");
    assertThat(wontDo.statusCode()).isEqualTo(422);
    assertThat(fields(wontDo, api)).containsExactly("reason");

    awaitAction(id, a -> a.get("version").asLong() == 1);
    assertThat(
            api.post(
                    ACTIONS + "/" + id + "/status", "process-owner", "{\"status\":\"IN_PROGRESS\"}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> note =
        api.post(ACTIONS + "/" + id + "/notes", "process-owner", "{\"text\":\"Draft written\"}");
    assertThat(note.statusCode()).isEqualTo(200);
    assertThat(api.post(ACTIONS + "/" + id + "/notes", BCM, "{\"text\":\" \"}").statusCode())
        .isEqualTo(400);
    HttpResponse<String> done =
        api.post(ACTIONS + "/" + id + "/status", "process-owner", "{\"status\":\"DONE\"}", "\"3\"");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(
            api.put(
                    ACTIONS + "/" + id,
                    BCM,
                    action("Restore runbook", "ann", 3, target("PLAN", planId, null)),
                    null)
                .statusCode())
        .isEqualTo(409);
    assertThat(api.post(ACTIONS + "/" + id + "/status", BCM, "{\"status\":\"OPEN\"}").statusCode())
        .isEqualTo(409);

    JsonNode action = awaitAction(id, a -> "DONE".equals(a.get("status").asText()));
    assertThat(action.get("priority").asText()).isEqualTo("CRITICAL");
    assertThat(action.get("description").asText()).isEqualTo("Write it");
    assertThat(action.get("overdue").asBoolean()).isFalse();
    assertThat(action.get("notes")).hasSize(1);
    assertThat(action.get("notes").get(0).get("text").asText()).isEqualTo("Draft written");
    assertThat(action.get("notes").get(0).get("by").asText()).isEqualTo("test-process-owner");
    assertThat(action.get("createdBy").asText()).isEqualTo("test-incident-commander");

    List<JsonNode> onIncident =
        all(api, "/api/lessons/incidents/" + incidentId + "/improvement-actions", "management", 5);
    assertThat(onIncident).hasSize(1);
    assertThat(onIncident.get(0).get("id").asText()).isEqualTo(id);
    assertThat(onIncident.get(0).get("status").asText()).isEqualTo("DONE");
    assertThat(
            api.get("/api/lessons/incidents/" + id() + "/improvement-actions", "auditor")
                .statusCode())
        .isEqualTo(404);

    List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
    try (var consumer = ItKafka.consumer()) {
      consumer.subscribe(List.of("herstel.lessons.v1"));
      await()
          .atMost(WAIT)
          .until(
              () -> {
                consumer
                    .poll(java.time.Duration.ofMillis(500))
                    .forEach(
                        r -> {
                          if (id.equals(r.key())) {
                            published.add(r);
                          }
                        });
                return published.stream().anyMatch(r -> "DONE".equals(status(r)));
              });
    }
    List<String> types = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    published.forEach(
        r -> {
          types.add(header(r, "ce_type"));
          statuses.add(status(r));
        });
    assertThat(types)
        .containsExactly(
            "nl.herstel.lessons.improvement-action-recorded.v1",
            "nl.herstel.lessons.improvement-action-changed.v1",
            "nl.herstel.lessons.improvement-action-changed.v1",
            "nl.herstel.lessons.improvement-action-changed.v1");
    assertThat(statuses).containsExactly("OPEN", "OPEN", "IN_PROGRESS", "DONE");
    JsonNode last = ContractJson.mapper().readTree(published.get(published.size() - 1).value());
    assertThat(last.get("target").get("kind").asText()).isEqualTo("PLAN");
    assertThat(last.get("target").get("id").asText()).isEqualTo(planId);
    assertThat(last.get("incidentId").asText()).isEqualTo(incidentId);
    assertThat(last.get("priority").asText()).isEqualTo("CRITICAL");
  }

  @Test
  void theOverdueListAndTheFiltersAreExact() {
    String incidentId = opened(Severity.MEDIUM);
    String processId = process("Logistics " + UUID.randomUUID());
    String target = target("PROCESS", processId, null);
    String late = create(incidentId, "Late", "ann", -5, "HIGH", target);
    String lateDone = create(incidentId, "Late but done", "ann", -6, "LOW", target);
    String future = create(incidentId, "Future", "bob", 5, "HIGH", target);
    String lateWontDo = create(incidentId, "Late, won't do", "bob", -1, "MEDIUM", target);
    assertThat(
            api.post(ACTIONS + "/" + lateDone + "/status", BCM, "{\"status\":\"DONE\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            api.post(
                    ACTIONS + "/" + lateWontDo + "/status",
                    BCM,
                    "{\"status\":\"WONT_DO\",\"reason\":\"Process outsourced\"}")
                .statusCode())
        .isEqualTo(200);
    String mine = "incidentId=" + incidentId;
    await()
        .atMost(WAIT)
        .until(() -> ids(ACTIONS + "?status=WONT_DO&" + mine).equals(List.of(lateWontDo)));
    assertThat(ids(ACTIONS + "?overdue=true&" + mine)).containsExactly(late);
    assertThat(ids(ACTIONS + "?overdue=false&" + mine))
        .containsExactlyInAnyOrder(lateDone, lateWontDo, future);
    assertThat(ids(ACTIONS + "?" + mine)).containsExactly(lateDone, late, lateWontDo, future);
    assertThat(ids(ACTIONS + "?owner=bob&" + mine)).containsExactly(lateWontDo, future);
    assertThat(ids(ACTIONS + "?priority=HIGH&" + mine)).containsExactly(late, future);
    assertThat(ids(ACTIONS + "?targetKind=PROCESS&targetId=" + processId))
        .containsExactly(lateDone, late, lateWontDo, future);
    assertThat(ids(ACTIONS + "?targetKind=PLAN&" + mine)).isEmpty();
    JsonNode wontDo = api.getJson(ACTIONS + "/" + lateWontDo, "auditor");
    assertThat(wontDo.get("statusReason").asText()).isEqualTo("Process outsourced");
    HttpResponse<String> badFilter = api.get(ACTIONS + "?priority=URGENT", "auditor");
    assertThat(badFilter.statusCode()).isEqualTo(400);
    assertThat(fields(badFilter, api)).containsExactly("priority");
    assertThat(api.get(ACTIONS + "?cursor=!!", "auditor").statusCode()).isEqualTo(400);
    assertThat(api.get(ACTIONS + "/" + id(), "auditor").statusCode()).isEqualTo(404);
  }

  private String create(
      String incidentId,
      String title,
      String owner,
      int dueInDays,
      String priority,
      String target) {
    return api.createdId(
        api.post(
            ACTIONS,
            BCM,
            action(title, owner, dueInDays, target)
                .replace("\"HIGH\"", "\"" + priority + "\"")
                .replace("{\"title\"", "{\"incidentId\":\"" + incidentId + "\",\"title\"")));
  }

  private List<String> ids(String path) {
    List<String> ids = new ArrayList<>();
    all(api, path, "management", 2).forEach(a -> ids.add(a.get("id").asText()));
    return ids;
  }

  private JsonNode awaitAction(String id, java.util.function.Predicate<JsonNode> until) {
    return await()
        .atMost(WAIT)
        .until(() -> api.getJson(ACTIONS + "/" + id, "auditor"), a -> a != null && until.test(a));
  }

  private static String status(ConsumerRecord<String, byte[]> record) {
    try {
      return ContractJson.mapper().readTree(record.value()).path("status").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String action(String title, String owner, int dueInDays, String target) {
    return "{\"title\":\""
        + title
        + "\",\"owner\":\""
        + owner
        + "\",\"due\":\""
        + LocalDate.now().plusDays(dueInDays)
        + "\",\"priority\":\"HIGH\",\"target\":"
        + target
        + "}";
  }

  private static String target(String kind, String id, String planId) {
    return "{\"kind\":\""
        + kind
        + "\",\"id\":\""
        + id
        + "\""
        + (planId == null ? "" : ",\"planId\":\"" + planId + "\"")
        + "}";
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private static HttpResponse<String> patch(String path, String role, String json, String ifMatch)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + System.getProperty("herstel.it.http.port") + path))
            .header("Authorization", "Bearer " + TestInfrastructure.get().token(role))
            .header("Content-Type", "application/merge-patch+json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
