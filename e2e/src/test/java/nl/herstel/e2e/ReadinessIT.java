package nl.herstel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import nl.herstel.devstack.testing.ServiceClient;
import org.junit.jupiter.api.Test;

/**
 * Readiness end to end through the gateway: the BIA records a process with RPO 1h, its database and
 * a ransomware threat that hits it; a daily backup without an offline copy fails readiness on the
 * backup interval and the ransomware copy, with reasons; a fixed policy and a restore test within
 * the RTO pass those checks; an exercise in which the process recovers late leaves a finding and a
 * failing exercise check.
 */
class ReadinessIT {
  private static final Duration EVENTUALLY = Duration.ofSeconds(60);
  private final ServiceClient api =
      new ServiceClient(Stack.get().gatewayUrl(), role -> Stack.get().token(role));

  @Test
  void backupsRestoreTestsAndExercisesDecideReadiness() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String dbId =
        created(
            api.post(
                "/api/bia/assets",
                "bcm-manager",
                "{\"name\":\"db-ledger-" + suffix + "\",\"kind\":\"DATA\"}"));
    String processId =
        created(
            api.post(
                "/api/bia/processes",
                "bcm-manager",
                ("{\"name\":\"Ledger %s\",\"critical\":true,\"crownJewel\":true,\"mtpd\":\"PT24H\","
                        + "\"rto\":\"PT8H\",\"rpo\":\"PT1H\",\"supportedBy\":[\"%s\"]}")
                    .formatted(suffix, dbId)));
    String threatId =
        created(
            api.post(
                "/api/bia/threats",
                "bcm-manager",
                "{\"name\":\"Ransomware " + suffix + "\",\"likelihood\":4}"));
    HttpResponse<String> rated =
        api.put(
            "/api/bia/threats/" + threatId + "/impacts/" + processId,
            "bcm-manager",
            "{\"impact\":5}",
            null);
    assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);

    HttpResponse<String> registered =
        await("plan-service learns the database")
            .atMost(EVENTUALLY)
            .until(
                () ->
                    api.post(
                        "/api/plans/backup-policies", "plan-owner", policy(dbId, "P1D", false)),
                response -> response.statusCode() != 400);
    String policyId = created(registered);

    JsonNode failing =
        await("readiness fails on the interval and the ransomware copy")
            .atMost(EVENTUALLY)
            .until(
                () -> readiness(processId),
                r ->
                    r != null
                        && outcome(r, "BACKUP_INTERVAL").equals("FAIL")
                        && outcome(r, "RANSOMWARE_COPY").equals("FAIL"));
    assertThat(failing.get("outcome").asText()).isEqualTo("FAIL");
    assertThat(reason(failing, "BACKUP_INTERVAL")).contains("db-ledger-" + suffix, "PT24H", "PT1H");
    assertThat(reason(failing, "RANSOMWARE_COPY"))
        .contains("db-ledger-" + suffix, "Ransomware " + suffix);

    HttpResponse<String> fixed =
        api.put(
            "/api/plans/backup-policies/" + policyId,
            "plan-owner",
            policy(dbId, "PT1H", true),
            null);
    assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(204);
    Instant now = Instant.now();
    created(
        api.post(
            "/api/plans/restore-tests",
            "recovery-team",
            ("{\"assetId\":\"%s\",\"policyId\":\"%s\",\"startedAt\":\"%s\",\"restorePoint\":\"%s\","
                    + "\"duration\":\"PT2H\",\"hashBefore\":\"sha256:1f\",\"hashAfter\":\"sha256:1f\","
                    + "\"result\":\"SUCCEEDED\"}")
                .formatted(dbId, policyId, now, now.minus(Duration.ofMinutes(30)))));
    JsonNode passing =
        await("readiness passes the interval, the ransomware copy and the restore test")
            .atMost(EVENTUALLY)
            .until(
                () -> readiness(processId),
                r ->
                    outcome(r, "BACKUP_INTERVAL").equals("PASS")
                        && outcome(r, "RANSOMWARE_COPY").equals("PASS")
                        && outcome(r, "RESTORE_TEST").equals("PASS"));
    assertThat(reason(passing, "RESTORE_TEST")).contains("db-ledger-" + suffix);

    String planId =
        created(
            api.post(
                "/api/plans/plans",
                "plan-owner",
                """
                {"name":"Ledger recovery %s","coveredProcessIds":["%s"],
                 "contacts":[{"id":"ann","name":"Ann","channels":[{"kind":"PHONE","address":"+31 6 1111 1111"}]}],
                 "callTree":[{"contactId":"ann"}],
                 "scenarioCards":[{"id":"ransomware","scenario":"RANSOMWARE","title":"Ransomware","threatIds":["%s"],
                   "steps":[{"id":"restore","title":"Restore the last clean backup","expectedDuration":"PT4H"}]}]}
                """
                    .formatted(suffix, processId, threatId)));
    await("the plan is published")
        .atMost(EVENTUALLY)
        .until(() -> readiness(processId), r -> outcome(r, "PLAN_CURRENT").equals("PASS"));

    String exerciseId =
        created(
            api.post(
                "/api/plans/exercises",
                "plan-owner",
                ("{\"planId\":\"%s\",\"kind\":\"SIMULATION\",\"title\":\"Ledger restore\","
                        + "\"scenarioCardId\":\"ransomware\",\"participants\":[\"ann\"]}")
                    .formatted(planId)));
    assertThat(
            api.post("/api/plans/exercises/" + exerciseId + "/start", "recovery-team", "{}")
                .statusCode())
        .isEqualTo(204);
    await("the exercise runs")
        .atMost(EVENTUALLY)
        .until(
            () -> api.getJson("/api/plans/exercises/" + exerciseId, "auditor"),
            x -> x != null && x.get("status").asText().equals("RUNNING"));
    HttpResponse<String> late =
        api.post(
            "/api/plans/exercises/" + exerciseId + "/results",
            "recovery-team",
            ("{\"processId\":\"%s\",\"achievedRecoveryTime\":\"PT11H\","
                    + "\"findings\":[\"Restore waited three hours for the backup operator\"]}")
                .formatted(processId));
    assertThat(late.statusCode()).as(late.body()).isEqualTo(204);
    assertThat(
            api.post("/api/plans/exercises/" + exerciseId + "/completion", "recovery-team", "{}")
                .statusCode())
        .isEqualTo(204);

    JsonNode exercise =
        await("the exercise is completed")
            .atMost(EVENTUALLY)
            .until(
                () -> api.getJson("/api/plans/exercises/" + exerciseId, "auditor"),
                x -> x.get("status").asText().equals("COMPLETED"));
    assertThat(exercise.get("results")).hasSize(1);
    JsonNode result = exercise.get("results").get(0);
    assertThat(result.get("metRto").asBoolean()).isFalse();
    assertThat(result.get("findings").get(0).asText()).contains("backup operator");
    JsonNode afterExercise =
        await("readiness fails the exercise check")
            .atMost(EVENTUALLY)
            .until(
                () -> readiness(processId),
                r ->
                    outcome(r, "EXERCISE").equals("FAIL")
                        && reason(r, "EXERCISE").contains(exerciseId));
    assertThat(reason(afterExercise, "EXERCISE")).contains("PT11H", "PT8H", "backup operator");
    assertThat(outcome(afterExercise, "BACKUP_INTERVAL")).isEqualTo("PASS");
    assertThat(outcome(afterExercise, "RANSOMWARE_COPY")).isEqualTo("PASS");

    JsonNode summary = api.getJson("/api/plans/readiness", "management");
    boolean listed = false;
    for (JsonNode p : summary.get("plans")) {
      listed |= p.get("planId").asText().equals(planId);
    }
    assertThat(listed).isTrue();
  }

  private JsonNode readiness(String processId) {
    HttpResponse<String> r = api.get("/api/plans/readiness/" + processId, "bcm-manager");
    return r.statusCode() == 200 ? api.json(r) : null;
  }

  private static String outcome(JsonNode readiness, String check) {
    return check(readiness, check).get("outcome").asText();
  }

  private static String reason(JsonNode readiness, String check) {
    return check(readiness, check).get("reason").asText();
  }

  private static JsonNode check(JsonNode readiness, String name) {
    assertThat(readiness.get("checks")).hasSize(8);
    for (JsonNode c : readiness.get("checks")) {
      if (c.get("check").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no check " + name);
  }

  private static String policy(String assetId, String every, boolean immutable) {
    return ("{\"assetId\":\"%s\",\"name\":\"Ledger database\",\"media\":\"SNAPSHOT\","
            + "\"location\":\"ONSITE\",\"type\":\"INCREMENTAL\",\"frequency\":\"%s\","
            + "\"retention\":\"P30D\",\"immutable\":%s,\"offlineCopy\":false,\"covers\":[\"DATA\"]}")
        .formatted(assetId, every, immutable);
  }

  private String created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return api.json(response).get("id").asText();
  }
}
