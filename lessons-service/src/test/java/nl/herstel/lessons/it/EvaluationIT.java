package nl.herstel.lessons.it;

import static nl.herstel.lessons.it.LessonsFixtures.WAIT;
import static nl.herstel.lessons.it.LessonsFixtures.all;
import static nl.herstel.lessons.it.LessonsFixtures.closed;
import static nl.herstel.lessons.it.LessonsFixtures.fields;
import static nl.herstel.lessons.it.LessonsFixtures.opened;
import static nl.herstel.lessons.it.LessonsFixtures.process;
import static nl.herstel.lessons.it.LessonsFixtures.storedEvents;
import static nl.herstel.lessons.it.LessonsFixtures.tell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.herstel.contracts.incidents.IncidentClassified;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ServiceClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Evaluations on the real server: a draft edited under optimistic concurrency and finalised, bad
 * input refused with nothing stored, and the evaluation policy deciding exactly which incidents are
 * overdue.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class EvaluationIT {
  private static final String IC = "incident-commander";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void aDraftIsRevisedUnderItsETagThenFinalisedAndNoLongerChanges() {
    String incidentId = opened(Severity.HIGH);
    String base = "/api/lessons/incidents/" + incidentId + "/evaluations";
    HttpResponse<String> created = api.post(base, IC, "{\"wentWell\":\"The call tree worked\"}");
    String id = api.createdId(created);
    assertThat(created.headers().firstValue("Location"))
        .hasValue(
            "http://localhost:" + System.getProperty("herstel.it.http.port") + base + "/" + id);

    long drafted = storedEvents("EvaluationFinalised");
    HttpResponse<String> incomplete = api.post(base + "/" + id + "/finalise", IC, "");
    assertThat(incomplete.statusCode()).isEqualTo(422);
    assertThat(fields(incomplete, api)).containsExactly("causeAndDamage");
    assertThat(storedEvents("EvaluationFinalised")).isEqualTo(drafted);

    HttpResponse<String> first = awaitGet(base + "/" + id);
    assertThat(first.headers().firstValue("ETag")).hasValue("\"0\"");
    String complete =
        "{\"wentWell\":\"The call tree worked\",\"causeAndDamage\":\"Phishing; payments down 11h\","
            + "\"helped\":\"Offline backups\",\"hindered\":\"No runbook\","
            + "\"participants\":[{\"name\":\"Ann\",\"role\":\"incident-commander\"},"
            + "{\"name\":\"Bob\",\"role\":\"recovery-team\"}],\"heldOn\":\""
            + LocalDate.now().minusDays(1)
            + "\"}";
    HttpResponse<String> revised = api.put(base + "/" + id, IC, complete, "\"0\"");
    assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
    assertThat(revised.headers().firstValue("ETag")).hasValue("\"1\"");

    HttpResponse<String> stale = api.put(base + "/" + id, "bcm-manager", complete, "\"0\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(api.json(stale).get("type").asText())
        .isEqualTo("https://herstel.nl/problems/precondition-failed");
    HttpResponse<String> staleFinal = api.post(base + "/" + id + "/finalise", IC, "", "\"0\"");
    assertThat(staleFinal.statusCode()).isEqualTo(412);

    HttpResponse<String> finalised = api.post(base + "/" + id + "/finalise", IC, "", "\"1\"");
    assertThat(finalised.statusCode()).as(finalised.body()).isEqualTo(200);
    JsonNode evaluation =
        await()
            .atMost(WAIT)
            .until(
                () -> api.ok(api.get(base + "/" + id, "auditor")),
                e -> "FINAL".equals(e.get("status").asText()));
    assertThat(evaluation.get("incidentId").asText()).isEqualTo(incidentId);
    assertThat(evaluation.get("finalisedBy").asText()).isEqualTo("test-incident-commander");
    assertThat(evaluation.get("finalisedAt").isNull()).isFalse();
    assertThat(evaluation.get("createdBy").asText()).isEqualTo("test-incident-commander");
    assertThat(evaluation.get("version").asLong()).isEqualTo(2);
    JsonNode content = evaluation.get("content");
    assertThat(content.get("causeAndDamage").asText()).isEqualTo("Phishing; payments down 11h");
    assertThat(content.get("participants")).hasSize(2);
    assertThat(content.get("participants").get(1).get("name").asText()).isEqualTo("Bob");

    assertThat(api.put(base + "/" + id, IC, complete, null).statusCode()).isEqualTo(409);
    assertThat(api.post(base + "/" + id + "/finalise", IC, "").statusCode()).isEqualTo(409);

    List<JsonNode> finals =
        all(
            api,
            "/api/lessons/evaluations?status=FINAL&incidentId=" + incidentId,
            "management",
            10);
    assertThat(finals).hasSize(1);
    assertThat(finals.get(0).get("id").asText()).isEqualTo(id);
    assertThat(all(api, base + "?status=DRAFT", "auditor", 10)).isEmpty();
  }

  @Test
  void badInputNamesTheFieldAndStoresNothing() {
    String incidentId = opened(Severity.LOW);
    String base = "/api/lessons/incidents/" + incidentId + "/evaluations";
    long before = storedEvents("EvaluationDrafted");

    String unknown = UUID.randomUUID().toString();
    HttpResponse<String> notFound =
        api.post("/api/lessons/incidents/" + unknown + "/evaluations", IC, "{}");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(fields(notFound, api)).containsExactly("incidentId");
    assertThat(api.json(notFound).get("detail").asText()).contains(unknown);

    HttpResponse<String> blankName =
        api.post(base, IC, "{\"participants\":[{\"name\":\" \",\"role\":\"cio\"}]}");
    assertThat(blankName.statusCode()).isEqualTo(400);
    assertThat(fields(blankName, api)).containsExactly("participants[0].name");

    HttpResponse<String> badDate = api.post(base, IC, "{\"heldOn\":\"yesterday\"}");
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(fields(badDate, api)).containsExactly("heldOn");

    HttpResponse<String> future =
        api.post(base, IC, "{\"heldOn\":\"" + LocalDate.now().plusDays(10) + "\"}");
    assertThat(future.statusCode()).isEqualTo(422);
    assertThat(fields(future, api)).containsExactly("heldOn");

    HttpResponse<String> unknownField = api.post(base, IC, "{\"verdict\":\"fine\"}");
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(fields(unknownField, api)).containsExactly("verdict");

    assertThat(api.post(base, "management", "{}").statusCode()).isEqualTo(403);
    assertThat(api.post(base, null, "{}").statusCode()).isEqualTo(401);
    assertThat(api.put(base + "/" + UUID.randomUUID(), IC, "{}", null).statusCode()).isEqualTo(404);
    assertThat(storedEvents("EvaluationDrafted")).isEqualTo(before);
    assertThat(api.get(base, "auditor").statusCode()).isEqualTo(200);
  }

  @Test
  void theOverdueListHoldsExactlyTheIncidentsThePolicyRequiresAndThatLackAFinalEvaluation() {
    HttpResponse<String> current = api.get("/api/lessons/evaluation-policy", "management");
    assertThat(current.statusCode()).isEqualTo(200);
    String etag = current.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> set =
        api.put(
            "/api/lessons/evaluation-policy",
            "bcm-manager",
            "{\"minimumSeverity\":\"HIGH\",\"categories\":[],\"anyDeadlineBreached\":true,"
                + "\"dueAfterClosure\":\"P14D\"}",
            etag);
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    String newTag = set.headers().firstValue("ETag").orElseThrow();
    assertThat(
            api.put(
                    "/api/lessons/evaluation-policy",
                    "bcm-manager",
                    "{\"anyDeadlineBreached\":true,\"dueAfterClosure\":\"P14D\"}",
                    etag)
                .statusCode())
        .isEqualTo(412);
    assertThat(
            api.put(
                    "/api/lessons/evaluation-policy",
                    "incident-commander",
                    "{\"anyDeadlineBreached\":true,\"dueAfterClosure\":\"P14D\"}",
                    null)
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> noDue =
        api.put(
            "/api/lessons/evaluation-policy",
            "bcm-manager",
            "{\"anyDeadlineBreached\":true,\"dueAfterClosure\":\"PT0S\"}",
            null);
    assertThat(noDue.statusCode()).isEqualTo(422);
    assertThat(fields(noDue, api)).containsExactly("dueAfterClosure");

    String payments = process("Payments " + UUID.randomUUID());
    Duration days20 = Duration.ofDays(20);
    String high = opened(Severity.HIGH);
    closed(api, high, days20, null, null);
    String breached = opened(Severity.LOW);
    closed(api, breached, days20, payments, Duration.ofHours(11));
    String met = opened(Severity.LOW);
    closed(api, met, days20, payments, Duration.ofHours(6));
    String notYetDue = opened(Severity.CRITICAL);
    closed(api, notYetDue, Duration.ofDays(5), null, null);
    String evaluated = opened(Severity.HIGH);
    closed(api, evaluated, days20, null, null);
    String drafted = opened(Severity.CRITICAL);
    closed(api, drafted, days20, payments, Duration.ofHours(30));
    finalEvaluation(evaluated);
    api.createdId(
        api.post("/api/lessons/incidents/" + drafted + "/evaluations", IC, "{\"wentWell\":\"-\"}"));
    Set<String> mine = Set.of(high, breached, met, notYetDue, evaluated, drafted);

    Map<String, JsonNode> overdue =
        await()
            .atMost(WAIT)
            .until(
                () -> overdueOf(mine),
                o ->
                    o.containsKey(drafted)
                        && o.get(drafted).get("drafts").asInt() == 1
                        && !o.containsKey(evaluated));
    assertThat(overdue.keySet()).containsExactlyInAnyOrder(high, breached, drafted);
    assertThat(rules(overdue.get(high))).containsExactly("SEVERITY");
    assertThat(rules(overdue.get(breached))).containsExactly("DEADLINE_BREACHED");
    assertThat(rules(overdue.get(drafted))).containsExactly("SEVERITY", "DEADLINE_BREACHED");
    JsonNode highRow = overdue.get(high);
    assertThat(Instant.parse(highRow.get("dueAt").asText()))
        .isEqualTo(Instant.parse(highRow.get("closedAt").asText()).plus(Duration.ofDays(14)));
    assertThat(highRow.get("severity").asText()).isEqualTo("HIGH");

    HttpResponse<String> severityOnly =
        api.put(
            "/api/lessons/evaluation-policy",
            "bcm-manager",
            "{\"minimumSeverity\":\"CRITICAL\",\"anyDeadlineBreached\":false,"
                + "\"dueAfterClosure\":\"P14D\"}",
            newTag);
    assertThat(severityOnly.statusCode()).as(severityOnly.body()).isEqualTo(200);
    await().atMost(WAIT).until(() -> overdueOf(mine).keySet(), k -> k.equals(Set.of(drafted)));
    assertThat(rules(overdueOf(mine).get(drafted))).containsExactly("SEVERITY");

    HttpResponse<String> breachOnly =
        api.put(
            "/api/lessons/evaluation-policy",
            "bcm-manager",
            "{\"anyDeadlineBreached\":true,\"dueAfterClosure\":\"P30D\",\"categories\":[\"phishing\"]}",
            null);
    assertThat(breachOnly.statusCode()).isEqualTo(200);
    await().atMost(WAIT).until(() -> overdueOf(mine).isEmpty());
    JsonNode policy = api.getJson("/api/lessons/evaluation-policy", "auditor");
    assertThat(policy.get("rules").get("categories").get(0).asText()).isEqualTo("phishing");
    assertThat(policy.get("setBy").asText()).isEqualTo("test-bcm-manager");

    HttpResponse<String> restored =
        api.put(
            "/api/lessons/evaluation-policy",
            "bcm-manager",
            "{\"minimumSeverity\":\"HIGH\",\"anyDeadlineBreached\":true,\"dueAfterClosure\":\"P14D\"}",
            null);
    assertThat(restored.statusCode()).isEqualTo(200);
  }

  @Test
  void aCategoryRuleRequiresAnEvaluationOfTheIncidentsIncidentServiceClassifiedSo() {
    HttpResponse<String> byCategory =
        api.put(
            "/api/lessons/evaluation-policy",
            "bcm-manager",
            "{\"minimumSeverity\":\"CRITICAL\",\"anyDeadlineBreached\":false,"
                + "\"categories\":[\"phishing\"],\"dueAfterClosure\":\"P14D\"}",
            null);
    assertThat(byCategory.statusCode()).as(byCategory.body()).isEqualTo(200);
    String phishing = opened(Severity.LOW);
    tell(
        "herstel.incidents.v1",
        new IncidentClassified(
            phishing,
            "PHISHING",
            null,
            "Credentials phished",
            "dev-incident-commander",
            Instant.now().minus(Duration.ofDays(39))),
        "urn:herstel:incident-service");
    closed(api, phishing, Duration.ofDays(20), null, null);
    String malware = opened(Severity.LOW);
    tell(
        "herstel.incidents.v1",
        new IncidentClassified(
            malware,
            "MALWARE",
            null,
            "A worm",
            "dev-incident-commander",
            Instant.now().minus(Duration.ofDays(39))),
        "urn:herstel:incident-service");
    closed(api, malware, Duration.ofDays(20), null, null);

    Map<String, JsonNode> overdue =
        await()
            .atMost(WAIT)
            .until(() -> overdueOf(Set.of(phishing, malware)), o -> o.containsKey(phishing));
    assertThat(overdue.keySet()).containsExactly(phishing);
    assertThat(rules(overdue.get(phishing))).containsExactly("CATEGORY");
    assertThat(overdue.get(phishing).get("category").asText()).isEqualTo("PHISHING");

    HttpResponse<String> restored =
        api.put(
            "/api/lessons/evaluation-policy",
            "bcm-manager",
            "{\"minimumSeverity\":\"HIGH\",\"anyDeadlineBreached\":true,\"dueAfterClosure\":\"P14D\"}",
            null);
    assertThat(restored.statusCode()).isEqualTo(200);
  }

  private void finalEvaluation(String incidentId) {
    String base = "/api/lessons/incidents/" + incidentId + "/evaluations";
    String id =
        api.createdId(
            api.post(
                base,
                IC,
                "{\"causeAndDamage\":\"Stolen credentials\",\"heldOn\":\""
                    + LocalDate.now()
                    + "\",\"participants\":[{\"name\":\"Ann\"}]}"));
    HttpResponse<String> finalised = api.post(base + "/" + id + "/finalise", IC, "");
    assertThat(finalised.statusCode()).as(finalised.body()).isEqualTo(200);
  }

  private Map<String, JsonNode> overdueOf(Set<String> incidents) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    for (JsonNode row : all(api, "/api/lessons/evaluations/overdue", "management", 2)) {
      if (incidents.contains(row.get("incidentId").asText())) {
        found.put(row.get("incidentId").asText(), row);
      }
    }
    return found;
  }

  private static List<String> rules(JsonNode row) {
    List<String> rules = new java.util.ArrayList<>();
    row.get("requiredBy").forEach(r -> rules.add(r.asText()));
    return rules;
  }

  private HttpResponse<String> awaitGet(String path) {
    return await().atMost(WAIT).until(() -> api.get(path, IC), r -> r.statusCode() == 200);
  }
}
