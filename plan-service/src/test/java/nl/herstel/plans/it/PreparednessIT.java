package nl.herstel.plans.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
import nl.herstel.contracts.bia.SupplierTerms;
import nl.herstel.contracts.bia.ThreatImpactRated;
import nl.herstel.contracts.bia.ThreatRegistered;
import nl.herstel.contracts.incidents.ActivatedPlan;
import nl.herstel.contracts.incidents.DecisionRecorded;
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.contracts.incidents.PlanActivated;
import nl.herstel.contracts.incidents.ProcessRestored;
import nl.herstel.contracts.incidents.RecoveryTaskCreated;
import nl.herstel.contracts.incidents.Restoration;
import nl.herstel.contracts.incidents.Severity;
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

/**
 * Backup policies, restore tests, training records, exercises, real recoveries and the readiness
 * they add up to, on the real server against real PostgreSQL and Kafka.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class PreparednessIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void readinessFollowsBackupsRestoreTestsTrainingExercisesAndRealRecoveries() throws Exception {
    String processId = id();
    String other = id();
    String dataId = id();
    String supplierId = id();
    String threatId = id();
    Instant now = Instant.now();
    bia(
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
            now),
        "process-registered");
    bia(
        new ProcessRegistered(
            other,
            "Other",
            null,
            false,
            false,
            null,
            Duration.ofHours(48),
            Duration.ofHours(24),
            null,
            now),
        "process-registered");
    bia(
        new AssetRegistered(dataId, "payments-db", AssetKind.DATA, null, null, null, now),
        "asset-registered");
    bia(
        new AssetRegistered(
            supplierId,
            "HostCo",
            AssetKind.SUPPLIER,
            null,
            null,
            new SupplierTerms("C-1", "SLA-1", Duration.ofHours(6)),
            now),
        "asset-registered");
    bia(
        new DependencyAdded(id(), processId, NodeKind.PROCESS, dataId, NodeKind.ASSET, null, now),
        "dependency-added");
    bia(
        new DependencyAdded(id(), dataId, NodeKind.ASSET, supplierId, NodeKind.ASSET, null, now),
        "dependency-added");
    bia(new ThreatRegistered(threatId, "Ransomware", null, 4, now), "threat-registered");
    bia(new ThreatImpactRated(threatId, processId, 5, now), "threat-impact-rated");
    await()
        .atMost(WAIT)
        .until(
            () ->
                ItDatabase.count(
                            "SELECT count(*) FROM plan_bia_threat_impact WHERE process_id = ?",
                            processId)
                        == 1
                    && ItDatabase.count(
                            "SELECT count(*) FROM plan_bia_dependency WHERE to_id = ?", supplierId)
                        == 1);

    HttpResponse<String> unknownAsset =
        api.post("/api/plans/backup-policies", "plan-owner", policy(id(), "P1D", false, "DISK"));
    assertThat(unknownAsset.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(unknownAsset))).containsExactly("assetId");

    String daily =
        api.createdId(
            api.post(
                "/api/plans/backup-policies", "plan-owner", policy(dataId, "P1D", false, "DISK")));
    JsonNode failing =
        await()
            .atMost(WAIT)
            .until(
                () -> readiness(processId),
                r -> r != null && outcome(r, "BACKUP_INTERVAL").equals("FAIL"));
    assertThat(failing.get("outcome").asText()).isEqualTo("FAIL");
    assertThat(reason(failing, "BACKUP_INTERVAL")).contains("payments-db", "PT24H", "PT1H");
    assertThat(outcome(failing, "RANSOMWARE_COPY")).isEqualTo("FAIL");
    assertThat(reason(failing, "RANSOMWARE_COPY")).contains("payments-db", "Ransomware");
    assertThat(outcome(failing, "THREE_TWO_ONE")).isEqualTo("FAIL");
    assertThat(outcome(failing, "RESTORE_TEST")).isEqualTo("FAIL");
    assertThat(outcome(failing, "SUPPLIER_GUARANTEE")).isEqualTo("PASS");
    assertThat(outcome(failing, "PLAN_CURRENT")).isEqualTo("FAIL");
    JsonNode unrelated = await().atMost(WAIT).until(() -> readiness(other), r -> r != null);
    assertThat(outcome(unrelated, "BACKUP_INTERVAL")).isEqualTo("UNKNOWN");

    HttpResponse<String> future =
        api.post(
            "/api/plans/restore-tests",
            "recovery-team",
            restoreTest(dataId, id(), now.plus(Duration.ofHours(1)), "PT2H"));
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(future))).containsExactlyInAnyOrder("policyId", "restorePoint");
    assertThat(
            ItDatabase.count("SELECT count(*) FROM plan_restore_test WHERE asset_id = ?", dataId))
        .isZero();

    assertThat(
            api.put(
                    "/api/plans/backup-policies/" + daily,
                    "plan-owner",
                    policy(dataId, "PT1H", true, "SNAPSHOT"),
                    null)
                .statusCode())
        .isEqualTo(204);
    api.createdId(
        api.post(
            "/api/plans/backup-policies",
            "bcm-manager",
            policy(dataId, "P1D", false, "TAPE").replace("ONSITE", "OFFSITE")));
    String restoreTestId =
        api.createdId(
            api.post(
                "/api/plans/restore-tests",
                "recovery-team",
                restoreTest(dataId, daily, now.minus(Duration.ofMinutes(40)), "PT3H")));
    JsonNode passing =
        await()
            .atMost(WAIT)
            .until(
                () -> readiness(processId),
                r ->
                    outcome(r, "BACKUP_INTERVAL").equals("PASS")
                        && outcome(r, "RESTORE_TEST").equals("PASS")
                        && outcome(r, "THREE_TWO_ONE").equals("PASS"));
    assertThat(outcome(passing, "RANSOMWARE_COPY")).isEqualTo("PASS");

    String planId = api.createdId(api.post("/api/plans/plans", "plan-owner", plan(processId)));
    await()
        .atMost(WAIT)
        .until(() -> readiness(processId), r -> outcome(r, "PLAN_CURRENT").equals("PASS"));
    JsonNode untrained = readiness(processId);
    assertThat(outcome(untrained, "TRAINED_ROLES")).isEqualTo("FAIL");
    assertThat(reason(untrained, "TRAINED_ROLES")).contains("db-lead");
    HttpResponse<String> noRole =
        api.post(
            "/api/plans/training-records",
            "plan-owner",
            "{\"person\":\"ann\",\"planId\":\"%s\",\"topic\":\"Restore drill\",\"validUntil\":\"2099-01-01\"}"
                .formatted(planId));
    assertThat(noRole.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(noRole))).containsExactly("role");
    String trainingId =
        api.createdId(
            api.post(
                "/api/plans/training-records",
                "plan-owner",
                ("{\"person\":\"ann\",\"role\":\"db-lead\",\"planId\":\"%s\","
                        + "\"topic\":\"Restore drill\",\"validUntil\":\"2099-01-01\"}")
                    .formatted(planId)));
    await()
        .atMost(WAIT)
        .until(() -> readiness(processId), r -> outcome(r, "TRAINED_ROLES").equals("PASS"));

    String exerciseId =
        api.createdId(
            api.post(
                "/api/plans/exercises",
                "plan-owner",
                ("{\"planId\":\"%s\",\"kind\":\"LIVE_RECOVERY\",\"title\":\"Restore drill\","
                        + "\"scenarioCardId\":\"ransomware\",\"participants\":[\"ann\"]}")
                    .formatted(planId)));
    assertThat(
            api.post("/api/plans/exercises/" + exerciseId + "/start", "recovery-team", "{}")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            api.post(
                    "/api/plans/exercises/" + exerciseId + "/steps",
                    "recovery-team",
                    ("{\"stepId\":\"restore\",\"title\":\"Restore\",\"startedAt\":\"%s\","
                            + "\"finishedAt\":\"%s\"}")
                        .formatted(now.minus(Duration.ofHours(10)), now))
                .statusCode())
        .isEqualTo(204);
    await()
        .atMost(WAIT)
        .until(
            () -> api.getJson("/api/plans/exercises/" + exerciseId, "auditor"),
            x -> x != null && x.get("status").asText().equals("RUNNING"));
    HttpResponse<String> outside =
        api.post(
            "/api/plans/exercises/" + exerciseId + "/results",
            "recovery-team",
            "{\"processId\":\"%s\",\"achievedRecoveryTime\":\"PT1H\"}".formatted(other));
    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(outside))).containsExactly("processId");
    assertThat(
            api.post(
                    "/api/plans/exercises/" + exerciseId + "/results",
                    "recovery-team",
                    ("{\"processId\":\"%s\",\"achievedRecoveryTime\":\"PT10H\","
                            + "\"findings\":[\"Backup keys were in the encrypted vault\"]}")
                        .formatted(processId))
                .statusCode())
        .isEqualTo(204);
    assertThat(
            api.post("/api/plans/exercises/" + exerciseId + "/completion", "recovery-team", "{}")
                .statusCode())
        .isEqualTo(204);
    JsonNode late =
        await()
            .atMost(WAIT)
            .until(
                () -> readiness(processId),
                r ->
                    outcome(r, "EXERCISE").equals("FAIL")
                        && reason(r, "EXERCISE").contains(exerciseId));
    assertThat(reason(late, "EXERCISE")).contains("PT10H", "PT8H", "encrypted vault");
    JsonNode exercise = api.getJson("/api/plans/exercises/" + exerciseId, "auditor");
    assertThat(exercise.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(exercise.get("steps")).hasSize(1);
    assertThat(exercise.get("steps").get(0).get("took").asText()).isEqualTo("PT10H");
    assertThat(exercise.get("results")).hasSize(1);
    assertThat(exercise.get("results").get(0).get("metRto").asBoolean()).isFalse();

    JsonNode summary = api.getJson("/api/plans/readiness", "management");
    assertThat(summary.get("organisation").get("processes").asInt()).isGreaterThanOrEqualTo(2);
    List<String> plans = new ArrayList<>();
    summary.get("plans").forEach(p -> plans.add(p.get("planId").asText()));
    assertThat(plans).contains(planId);
    List<String> failingOfProcess = new ArrayList<>();
    summary
        .get("processes")
        .forEach(
            p -> {
              if (p.get("processId").asText().equals(processId)) {
                p.get("failing").forEach(f -> failingOfProcess.add(f.asText()));
              }
            });
    assertThat(failingOfProcess).containsExactly("EXERCISE");

    String incidentId = id();
    Instant disrupted = Instant.now().minus(Duration.ofHours(3));
    ItKafka.publish(
        "herstel.incidents.v1",
        incidentId,
        ContractJson.write(
            new IncidentClosed(
                incidentId,
                disrupted,
                List.of(new Restoration(processId, Instant.now())),
                "Restored from the immutable snapshot",
                Instant.now())),
        "nl.herstel.incidents.incident-closed.v1",
        UUID.randomUUID().toString(),
        "urn:herstel:incident-service");
    JsonNode real =
        await()
            .atMost(WAIT)
            .until(() -> readiness(processId), r -> outcome(r, "EXERCISE").equals("PASS"));
    assertThat(reason(real, "EXERCISE")).contains("incident " + incidentId);

    HttpResponse<String> unknownIncident =
        api.post(
            "/api/plans/exercises",
            "plan-owner",
            ("{\"planId\":\"%s\",\"kind\":\"SIMULATION\",\"title\":\"Replay\","
                    + "\"seedIncidentId\":\"%s\"}")
                .formatted(planId, id()));
    assertThat(unknownIncident.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(unknownIncident))).containsExactly("seedIncidentId");
    String replayId =
        api.createdId(
            api.post(
                "/api/plans/exercises",
                "plan-owner",
                ("{\"planId\":\"%s\",\"kind\":\"SIMULATION\",\"title\":\"Replay\","
                        + "\"seedIncidentId\":\"%s\",\"timeCompression\":6}")
                    .formatted(planId, incidentId)));
    JsonNode replay =
        await()
            .atMost(WAIT)
            .until(
                () -> api.getJson("/api/plans/exercises/" + replayId, "auditor"), x -> x != null);
    assertThat(replay.get("seedIncidentId").asText()).isEqualTo(incidentId);
    assertThat(replay.get("script")).hasSize(2);
    assertThat(replay.get("script").get(0).get("kind").asText()).isEqualTo("PROCESS_RESTORED");
    assertThat(replay.get("script").get(0).get("processId").asText()).isEqualTo(processId);
    assertThat(replay.get("script").get(0).get("after").asText()).startsWith("PT30M");
    assertThat(replay.get("script").get(0).get("realRecoveryTime").asText()).startsWith("PT3H");
    assertThat(replay.get("script").get(1).get("kind").asText()).isEqualTo("CLOSED");
    assertThat(replay.get("script").get(1).get("description").asText())
        .contains("Restored from the immutable snapshot");
    assertThat(api.get("/api/plans/readiness/" + id(), "auditor").statusCode()).isEqualTo(404);

    String html = api.get("/api/plans/" + planId + "/bundle?format=html", "recovery-team").body();
    assertThat(html).contains("id=\"readiness\"", "RANSOMWARE_COPY", "TRAINED_ROLES");

    assertThat(published(exerciseId, "exercise-completed"))
        .contains("\"achievedRecoveryTime\":\"PT10H\"", "encrypted vault");
    assertThat(published(restoreTestId, "restore-test-recorded"))
        .contains("\"integrityVerified\":true");
    assertThat(published(trainingId, "training-recorded")).contains("\"role\":\"db-lead\"");
    assertThat(published(processId, "readiness-changed")).contains("\"outcome\"");
  }

  @Test
  void aReplayPlaysTheWholeIncidentAndARealActivationAndThePlansSlaCountInReadiness()
      throws Exception {
    String processId = id();
    String supplierId = id();
    Instant now = Instant.now();
    bia(
        new ProcessRegistered(
            processId,
            "Settlement",
            null,
            true,
            false,
            null,
            Duration.ofHours(24),
            Duration.ofHours(4),
            Duration.ofHours(1),
            now),
        "process-registered");
    bia(
        new AssetRegistered(
            supplierId,
            "CloudCo",
            AssetKind.SUPPLIER,
            null,
            null,
            new SupplierTerms("C-2", "SLA-2", Duration.ofHours(2)),
            now),
        "asset-registered");
    bia(
        new DependencyAdded(
            id(), processId, NodeKind.PROCESS, supplierId, NodeKind.ASSET, null, now),
        "dependency-added");
    JsonNode bia =
        await()
            .atMost(WAIT)
            .until(() -> readiness(processId), r -> r != null && r.get("assetIds").size() == 1);
    assertThat(outcome(bia, "SUPPLIER_GUARANTEE")).isEqualTo("PASS");
    assertThat(reason(bia, "SUPPLIER_GUARANTEE")).contains("'CloudCo' PT2H (the BIA)");

    String planId =
        api.createdId(
            api.post(
                "/api/plans/plans",
                "plan-owner",
                plan(processId)
                    .replace(
                        "\"callTree\"",
                        ("\"suppliers\":[{\"id\":\"cloudco\",\"name\":\"CloudCo\","
                                + "\"assetId\":\"%s\",\"guaranteedRecoveryTime\":\"PT6H\"}],"
                                + "\"callTree\"")
                            .formatted(supplierId))));
    JsonNode sla =
        await()
            .atMost(WAIT)
            .until(
                () -> readiness(processId), r -> outcome(r, "SUPPLIER_GUARANTEE").equals("FAIL"));
    assertThat(reason(sla, "SUPPLIER_GUARANTEE"))
        .contains("'CloudCo' guarantees recovery in PT6H (the SLA in plan 'Payments recovery')")
        .contains("the RTO is PT4H");
    assertThat(outcome(sla, "EXERCISE")).isEqualTo("FAIL");

    String incidentId = id();
    Instant disrupted = now.minus(Duration.ofHours(5));
    String decisionEvent = id();
    DecisionRecorded decision =
        new DecisionRecorded(
            incidentId,
            id(),
            List.of("the ledger is encrypted"),
            List.of(),
            List.of("restore", "rebuild"),
            List.of(),
            "Restore the ledger from the immutable snapshot",
            "fastest clean path",
            "crisis team",
            "ann",
            disrupted.plus(Duration.ofHours(2)));
    incident(
        new IncidentOpened(
            incidentId,
            "Ledger encrypted",
            Severity.CRITICAL,
            disrupted,
            List.of(supplierId),
            List.of(),
            disrupted.plus(Duration.ofMinutes(30))),
        id());
    HttpResponse<String> open =
        api.post(
            "/api/plans/exercises",
            "plan-owner",
            ("{\"planId\":\"%s\",\"kind\":\"SIMULATION\",\"title\":\"Too early %s\","
                    + "\"seedIncidentId\":\"%s\"}")
                .formatted(planId, incidentId, incidentId));
    assertThat(open.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(open))).containsExactly("seedIncidentId");
    assertThat(
            ItDatabase.count(
                "SELECT count(*) FROM plan_exercise WHERE seed_incident_id = ?", incidentId))
        .isZero();
    incident(
        new PlanActivated(
            incidentId,
            planId,
            1,
            "Payments recovery",
            "ransomware",
            "Ransomware",
            "crisis team",
            "the ledger is down",
            "carol",
            disrupted.plus(Duration.ofHours(1))),
        id());
    incident(decision, decisionEvent);
    incident(decision, decisionEvent);
    incident(
        new RecoveryTaskCreated(
            incidentId,
            id(),
            1,
            "Restore the last clean backup",
            "db-lead",
            planId,
            "ransomware",
            disrupted.plus(Duration.ofHours(2)).plusSeconds(60)),
        id());
    Instant restored = disrupted.plus(Duration.ofHours(3));
    incident(
        new ProcessRestored(
            incidentId,
            processId,
            disrupted,
            restored,
            disrupted.minus(Duration.ofMinutes(20)),
            Duration.ofHours(3),
            Duration.ofMinutes(20),
            Duration.ofHours(4),
            Duration.ofHours(1),
            true,
            true,
            restored),
        id());
    incident(
        new IncidentClosed(
            incidentId,
            disrupted,
            List.of(new Restoration(processId, restored)),
            "Ledger back from the snapshot",
            disrupted.plus(Duration.ofHours(4)),
            "RANSOMWARE",
            List.of(new ActivatedPlan(planId, 1, "ransomware"))),
        id());
    assertThat(
            ItDatabase.count(
                "SELECT count(*) FROM plan_incident_fact WHERE incident_id = ? AND kind = ?",
                incidentId,
                "DECISION"))
        .isEqualTo(1);

    JsonNode used =
        await()
            .atMost(WAIT)
            .until(() -> readiness(processId), r -> outcome(r, "EXERCISE").equals("PASS"));
    assertThat(reason(used, "EXERCISE"))
        .contains(
            "Real activation of plan 'Payments recovery' in incident " + incidentId,
            "recovered in PT3H, within the RTO PT4H");

    String replayId =
        api.createdId(
            api.post(
                "/api/plans/exercises",
                "plan-owner",
                ("{\"planId\":\"%s\",\"kind\":\"TABLETOP\",\"title\":\"Replay\","
                        + "\"seedIncidentId\":\"%s\",\"timeCompression\":2}")
                    .formatted(planId, incidentId)));
    JsonNode script = api.getJson("/api/plans/exercises/" + replayId, "auditor").get("script");
    List<String> kinds = new ArrayList<>();
    script.forEach(step -> kinds.add(step.get("kind").asText()));
    assertThat(kinds)
        .containsExactly(
            "OPENED", "PLAN_ACTIVATED", "DECISION", "TASK_CREATED", "PROCESS_RESTORED", "CLOSED");
    assertThat(script.get(0).get("after").asText()).isEqualTo("PT15M");
    assertThat(script.get(0).get("description").asText()).contains("Ledger encrypted");
    assertThat(script.get(1).get("by").asText()).isEqualTo("carol");
    assertThat(script.get(2).get("after").asText()).isEqualTo("PT1H");
    assertThat(script.get(2).get("by").asText()).isEqualTo("ann");
    assertThat(script.get(2).get("description").asText())
        .contains("Restore the ledger from the immutable snapshot");
    assertThat(script.get(4).get("after").asText()).isEqualTo("PT1H30M");
    assertThat(script.get(4).get("processId").asText()).isEqualTo(processId);
    assertThat(script.get(4).get("realRecoveryTime").asText()).isEqualTo("PT3H");
    assertThat(script.get(5).get("after").asText()).isEqualTo("PT2H");
  }

  private static void incident(IntegrationEvent event, String ceId) {
    ItKafka.publish(
        "herstel.incidents.v1",
        event.subject(),
        ContractJson.write(event),
        EventTypes.of(event.getClass()).type(),
        ceId,
        "urn:herstel:incident-service");
    await()
        .atMost(WAIT)
        .until(
            () ->
                ItDatabase.count("SELECT count(*) FROM inbox_message WHERE message_id = ?", ceId)
                    == 1);
  }

  private static String published(String key, String type) {
    List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records =
        ItKafka.awaitRecords(
            "herstel.plans.v1",
            r ->
                key.equals(r.key())
                    && ("nl.herstel.plans." + type + ".v1").equals(ItKafka.header(r, "ce_type")),
            Duration.ofSeconds(90));
    assertThat(records).isNotEmpty();
    return new String(records.get(0).value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private JsonNode readiness(String processId) {
    HttpResponse<String> r = api.get("/api/plans/readiness/" + processId, "auditor");
    return r.statusCode() == 200 ? api.json(r) : null;
  }

  private static String outcome(JsonNode readiness, String check) {
    return find(readiness, check).get("outcome").asText();
  }

  private static String reason(JsonNode readiness, String check) {
    return find(readiness, check).get("reason").asText();
  }

  private static JsonNode find(JsonNode readiness, String check) {
    assertThat(readiness.get("checks")).hasSize(8);
    for (JsonNode c : readiness.get("checks")) {
      if (c.get("check").asText().equals(check)) {
        return c;
      }
    }
    throw new AssertionError("no check " + check);
  }

  private static String policy(String assetId, String every, boolean immutable, String media) {
    return ("{\"assetId\":\"%s\",\"name\":\"%s backups\",\"media\":\"%s\",\"location\":\"ONSITE\","
            + "\"type\":\"INCREMENTAL\",\"frequency\":\"%s\",\"retention\":\"P30D\","
            + "\"immutable\":%s,\"offlineCopy\":false,\"covers\":[\"DATA\"]}")
        .formatted(assetId, every, media, every, immutable);
  }

  private static String restoreTest(String assetId, String policyId, Instant point, String took) {
    return ("{\"assetId\":\"%s\",\"policyId\":\"%s\",\"restorePoint\":\"%s\",\"duration\":\"%s\","
            + "\"hashBefore\":\"sha256:ab\",\"hashAfter\":\"sha256:ab\",\"result\":\"SUCCEEDED\"}")
        .formatted(assetId, policyId, point, took);
  }

  private static String plan(String processId) {
    return """
        {"name":"Payments recovery","owner":"CIO","coveredProcessIds":["%s"],
         "contacts":[{"id":"ann","name":"Ann","channels":[{"kind":"PHONE","address":"+31 6 1111 1111"}]}],
         "teams":[{"id":"db","name":"Database team","kind":"APPLICATION",
                   "members":[{"contactId":"ann","role":"db-lead"}]}],
         "callTree":[{"contactId":"ann"}],
         "scenarioCards":[{"id":"ransomware","scenario":"RANSOMWARE","title":"Ransomware",
           "steps":[{"id":"restore","title":"Restore the last clean backup","expectedDuration":"PT4H"}]}]}
        """
        .formatted(processId);
  }

  private static void bia(IntegrationEvent event, String type) {
    ItKafka.publish(
        "herstel.bia.v1",
        event.subject(),
        ContractJson.write(event),
        "nl.herstel.bia." + type + ".v1",
        UUID.randomUUID().toString(),
        "urn:herstel:bia-service");
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
