package nl.herstel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.devstack.testing.ServiceClient;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The improvement cycle closed, every step through the gateway: an incident disrupts two processes;
 * one is restored late and with data lost, and costs are recorded; the incident is closed and
 * evaluated; two improvement actions follow (one on the plan, which plan-service shows); lessons
 * proposes an RTO and an RPO revision, which the BIA accepts and rejects; and the period's
 * management report, as a web page and as PDF, shows all of it.
 */
class LessonsLoopIT {
  private static final Duration EVENTUALLY = Duration.ofSeconds(90);
  private final ServiceClient api =
      new ServiceClient(Stack.get().gatewayUrl(), role -> Stack.get().token(role));

  @Test
  void anIncidentBecomesAnEvaluationActionsBiaChangesAndTheManagementReport() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String assetName = "portal-db-" + suffix;
    String assetId =
        created(
            api.post(
                "/api/bia/assets",
                "bcm-manager",
                "{\"name\":\"" + assetName + "\",\"kind\":\"DATA\"}"));
    String portal =
        created(
            api.post(
                "/api/bia/processes",
                "bcm-manager",
                ("{\"name\":\"Portal %s\",\"critical\":true,\"crownJewel\":true,"
                        + "\"mtpd\":\"PT24H\",\"rto\":\"PT8H\",\"rpo\":\"PT1H\","
                        + "\"supportedBy\":[\"%s\"]}")
                    .formatted(suffix, assetId)));
    String payments =
        created(
            api.post(
                "/api/bia/processes",
                "bcm-manager",
                ("{\"name\":\"Payments %s\",\"critical\":true,\"crownJewel\":false,"
                        + "\"mtpd\":\"PT24H\",\"rto\":\"PT4H\",\"rpo\":\"PT1H\","
                        + "\"supportedBy\":[\"%s\"]}")
                    .formatted(suffix, assetId)));

    String planId = publishedPlan(suffix, portal);

    Instant disruptedAt = Instant.now().minus(14, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String incidentId = incidentOn(assetName, disruptedAt, 2);
    String incident = "/api/incidents/" + incidentId;
    record(
        incident + "/restorations",
        "{\"processId\":\"%s\",\"restoredAt\":\"%s\",\"dataRestoredTo\":\"%s\"}"
            .formatted(
                portal,
                disruptedAt.plus(11, ChronoUnit.HOURS),
                disruptedAt.minus(3, ChronoUnit.HOURS)));
    record(
        incident + "/restorations",
        "{\"processId\":\"%s\",\"restoredAt\":\"%s\",\"dataRestoredTo\":\"%s\"}"
            .formatted(payments, disruptedAt.plus(2, ChronoUnit.HOURS), disruptedAt));
    record(
        incident + "/costs",
        "{\"kind\":\"LABOUR\",\"amount\":12500.00,\"currency\":\"EUR\","
            + "\"description\":\"Recovery team overtime\",\"incurredAt\":\"%s\""
                .formatted(disruptedAt.plus(5, ChronoUnit.HOURS))
            + "}");
    record(
        incident + "/costs",
        "{\"kind\":\"HARDWARE\",\"amount\":3000.00,\"currency\":\"EUR\","
            + "\"description\":\"Replacement disks\",\"incurredAt\":\"%s\""
                .formatted(disruptedAt.plus(6, ChronoUnit.HOURS))
            + "}");
    record(
        incident + "/decisions",
        """
        {"picture":{"known":["The portal database is encrypted"],"unknown":["How they got in"]},
         "judgement":{"options":["Restore from the offline backup","Rebuild"],"risks":["Data loss"]},
         "decision":{"what":"Restore the portal from the offline backup","rationale":"Clean and fastest",
                     "mandate":"Incident commander"}}""");
    api.ok(
        api.post(
            incident + "/closure",
            "incident-commander",
            ("{\"restorations\":[{\"processId\":\"%s\",\"restoredAt\":\"%s\"},"
                    + "{\"processId\":\"%s\",\"restoredAt\":\"%s\"}],"
                    + "\"summary\":\"Restored the portal from the last offline backup\"}")
                .formatted(
                    portal,
                    disruptedAt.plus(11, ChronoUnit.HOURS),
                    payments,
                    disruptedAt.plus(2, ChronoUnit.HOURS))));

    // The evaluation, final.
    String evaluations = "/api/lessons/incidents/" + incidentId + "/evaluations";
    String evaluationId =
        await("lessons-service knows the incident")
            .atMost(EVENTUALLY)
            .until(
                () ->
                    api.post(
                        evaluations,
                        "incident-commander",
                        "{\"wentWell\":\"The call tree reached everyone in 20 minutes\"}"),
                r -> r.statusCode() == 201)
            .headers()
            .firstValue("Location")
            .map(l -> l.substring(l.lastIndexOf('/') + 1))
            .orElseThrow();
    api.ok(
        api.put(
            evaluations + "/" + evaluationId,
            "incident-commander",
            ("{\"wentWell\":\"The call tree reached everyone in 20 minutes\","
                    + "\"causeAndDamage\":\"Phishing mail; the portal database was encrypted\","
                    + "\"helped\":\"Offline backups\",\"hindered\":\"No restore runbook\","
                    + "\"participants\":[{\"name\":\"Ann\",\"role\":\"incident-commander\"}],"
                    + "\"heldOn\":\"%s\"}")
                .formatted(LocalDate.now(ZoneOffset.UTC)),
            null));
    assertThat(
            api.post(evaluations + "/" + evaluationId + "/finalise", "incident-commander", "{}")
                .statusCode())
        .isEqualTo(200);

    // Two improvement actions: one on the plan, one on the process.
    String due = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
    String onPlan =
        await("lessons-service knows the plan")
            .atMost(EVENTUALLY)
            .until(
                () ->
                    api.post(
                        "/api/lessons/improvement-actions",
                        "incident-commander",
                        ("{\"title\":\"Write a restore runbook %s\",\"owner\":\"CIO\","
                                + "\"due\":\"%s\",\"priority\":\"HIGH\",\"target\":{\"kind\":"
                                + "\"PLAN\",\"id\":\"%s\"},\"incidentId\":\"%s\","
                                + "\"evaluationId\":\"%s\"}")
                            .formatted(suffix, due, planId, incidentId, evaluationId)),
                r -> r.statusCode() == 201)
            .body();
    assertThat(onPlan).contains("\"id\"");
    assertThat(
            api.post(
                    "/api/lessons/improvement-actions",
                    "incident-commander",
                    ("{\"title\":\"Hourly snapshots of the portal database %s\",\"owner\":\"CFO\","
                            + "\"due\":\"%s\",\"priority\":\"CRITICAL\",\"target\":{\"kind\":"
                            + "\"PROCESS\",\"id\":\"%s\"},\"incidentId\":\"%s\"}")
                        .formatted(suffix, due, portal, incidentId))
                .statusCode())
        .isEqualTo(201);
    JsonNode onThePlan =
        await("plan-service shows the action on the plan")
            .atMost(EVENTUALLY)
            .until(
                () -> api.items("/api/plans/plans/" + planId + "/improvement-actions", "auditor"),
                a -> a != null && items(a).size() == 1);
    assertThat(items(onThePlan).get(0).toString()).contains("Write a restore runbook " + suffix);

    // plan-service replays the closed incident: its decision and restorations are steps.
    JsonNode script =
        await("plan-service can replay the closed incident")
            .atMost(EVENTUALLY)
            .until(() -> replay(planId, incidentId), x -> x != null);
    List<String> kinds = new ArrayList<>();
    script.forEach(step -> kinds.add(step.get("kind").asText()));
    assertThat(kinds).contains("OPENED", "DECISION", "CLOSED");
    assertThat(kinds.stream().filter("PROCESS_RESTORED"::equals)).hasSize(2);
    JsonNode decision = script.get(kinds.indexOf("DECISION"));
    assertThat(decision.get("description").asText())
        .contains("Restore the portal from the offline backup");
    assertThat(decision.get("by").asText()).isNotBlank();
    // Steps are in the order things happened: both restorations (2 h and 11 h after the
    // disruption) came before the decision recorded now, and the closure after it.
    assertThat(kinds.indexOf("DECISION")).isGreaterThan(kinds.lastIndexOf("PROCESS_RESTORED"));
    assertThat(kinds.indexOf("DECISION")).isLessThan(kinds.lastIndexOf("CLOSED"));

    // lessons proposed an RTO and an RPO revision of the portal; the BIA accepts one, rejects one.
    List<JsonNode> pending =
        await("bia-service lists the RTO and RPO revisions")
            .atMost(EVENTUALLY)
            .until(() -> revisionsOf(portal), r -> r.size() == 2);
    assertThat(pending)
        .extracting(r -> r.get("kind").asText())
        .containsExactlyInAnyOrder("RTO", "RPO");
    for (JsonNode revision : pending) {
      boolean accept = revision.get("kind").asText().equals("RTO");
      api.ok(
          api.post(
              "/api/bia/revisions/" + revision.get("id").asText() + "/decision",
              "bcm-manager",
              "{\"decision\":\"%s\",\"reason\":\"%s\"}"
                  .formatted(
                      accept ? "ACCEPT" : "REJECT",
                      accept ? "Eleven hours is what we can do" : "Back up every hour instead")));
    }
    await("lessons-service learns both decisions")
        .atMost(EVENTUALLY)
        .until(
            () ->
                api.getJson(
                    "/api/lessons/revision-proposals?processId=" + portal + "&status=PROPOSED",
                    "bcm-manager"),
            p -> p != null && items(p).isEmpty());

    // The period's report, as the web page and as PDF, shows all of it.
    LocalDate day = LocalDate.ofInstant(disruptedAt, ZoneOffset.UTC);
    String period = "/api/lessons/reports/period?from=" + day + "&to=" + day.plusDays(1);
    String html =
        await("the report shows the actions")
            .atMost(EVENTUALLY)
            .until(
                () -> api.get(period + "&format=html", "management").body(),
                h -> h.contains("Hourly snapshots of the portal database " + suffix));
    assertThat(html)
        .contains(
            "Portal " + suffix,
            "Payments " + suffix,
            "11h",
            "EUR 15,500.00",
            "LABOUR",
            "HARDWARE",
            "Write a restore runbook " + suffix,
            "Phishing mail; the portal database was encrypted",
            "ACCEPTED",
            "REJECTED",
            "id=\"recovery-chart\"")
        .doesNotContain("<script");
    HttpResponse<byte[]> pdf = api.getBytes(period + "&format=pdf", "management");
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("Portal " + suffix, "11h", "15,500.00", "ACCEPTED", "REJECTED", "runbook");
      PDFRenderer renderer = new PDFRenderer(document);
      for (int page = 0; page < document.getNumberOfPages(); page++) {
        assertThat(renderer.renderImageWithDPI(page, 40).getWidth()).isGreaterThan(200);
      }
    }
    HttpResponse<String> forbidden = api.get(period, "recovery-team");
    assertThat(forbidden.statusCode()).isEqualTo(403);
  }

  // --- h-a ---
  @Test
  void aFloodMoreOftenThanTheBiaThoughtRaisesTheFloodThreatsLikelihoodOnceAccepted() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String threatId =
        created(
            api.post("/api/bia/threats", "bcm-manager", "{\"name\":\"Flood\",\"likelihood\":1}"));
    String assetName = "basement-" + suffix;
    created(
        api.post(
            "/api/bia/assets",
            "bcm-manager",
            "{\"name\":\"" + assetName + "\",\"kind\":\"HARDWARE\"}"));
    Instant disruptedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String incidentId = incidentOn(assetName, disruptedAt, 0);
    record(
        "/api/incidents/" + incidentId + "/classification",
        "{\"category\":\"FLOOD\",\"reason\":\"Water in the server room\"}");
    api.ok(
        api.post(
            "/api/incidents/" + incidentId + "/closure",
            "incident-commander",
            "{\"restorations\":[],\"summary\":\"Pumped dry\"}"));

    // One flood this year against a likelihood of 1: lessons proposes at least 2.
    JsonNode proposal =
        await("lessons-service proposes a higher likelihood")
            .atMost(EVENTUALLY)
            .until(
                () ->
                    api.getJson(
                        "/api/lessons/revision-proposals?kind=THREAT_LIKELIHOOD&incidentId="
                            + incidentId,
                        "bcm-manager"),
                p -> p != null && items(p).stream().anyMatch(i -> isOf(i, threatId)));
    JsonNode mine = items(proposal).stream().filter(i -> isOf(i, threatId)).findFirst().get();
    assertThat(mine.get("currentLikelihood").asInt()).isEqualTo(1);
    int proposed = mine.get("proposedLikelihood").asInt();
    assertThat(proposed).isGreaterThanOrEqualTo(2);
    assertThat(mine.get("incidents").toString()).contains(incidentId);

    List<JsonNode> pending =
        await("bia-service lists it pending")
            .atMost(EVENTUALLY)
            .until(() -> pendingRevisions("threatId", threatId), r -> r.size() == 1);
    assertThat(pending.get(0).get("kind").asText()).isEqualTo("THREAT_LIKELIHOOD");
    api.ok(
        api.post(
            "/api/bia/revisions/" + pending.get(0).get("id").asText() + "/decision",
            "bcm-manager",
            "{\"decision\":\"ACCEPT\",\"reason\":\"Floods happen here\"}"));

    await("lessons-service learns the decision")
        .atMost(EVENTUALLY)
        .until(
            () ->
                api.getJson(
                    "/api/lessons/revision-proposals?kind=THREAT_LIKELIHOOD&status=ACCEPTED"
                        + "&incidentId="
                        + incidentId,
                    "auditor"),
            p -> p != null && items(p).stream().anyMatch(i -> isOf(i, threatId)));
    JsonNode threats = api.items("/api/bia/threats", "auditor");
    assertThat(items(threats).stream().filter(t -> threatId.equals(t.get("id").asText())))
        .singleElement()
        .satisfies(t -> assertThat(t.get("likelihood").asInt()).isEqualTo(proposed));
  }

  private static boolean isOf(JsonNode proposal, String threatId) {
    return threatId.equals(proposal.path("threatId").asText());
  }

  private String publishedPlan(String suffix, String processId) {
    String plan =
        """
        {"name":"Portal recovery %s","owner":"CIO","publish":false,"reason":"First version",
         "coveredProcessIds":["%s"],
         "activationCriteria":["Portal down for more than an hour"],
         "terminationCriteria":["Portal runs normally for a day"],
         "mandates":[{"role":"incident-commander","decision":"DISCONNECT"}],
         "contacts":[{"id":"ann","name":"Ann","channels":[{"kind":"PHONE","address":"+31 6 1111 1111"}]}],
         "callTree":[{"contactId":"ann"}],
         "scenarioCards":[{"scenario":"RANSOMWARE","title":"Ransomware on the portal",
           "steps":[{"id":"isolate","title":"Isolate the segment","role":"incident-commander"},
                    {"id":"restore","title":"Restore the last clean backup","dependsOn":["isolate"],"expectedDuration":"PT4H"}]}]}
        """
            .formatted(suffix, processId);
    String planId =
        await("plan-service knows the process")
            .atMost(EVENTUALLY)
            .until(
                () -> api.post("/api/plans/plans", "plan-owner", plan), r -> r.statusCode() == 201)
            .headers()
            .firstValue("Location")
            .map(l -> l.substring(l.lastIndexOf('/') + 1))
            .orElseThrow();
    await("the draft is readable")
        .atMost(EVENTUALLY)
        .until(() -> api.get("/api/plans/plans/" + planId, "auditor").statusCode() == 200);
    for (String to : List.of("IN_REVIEW", "APPROVED", "PUBLISHED")) {
      HttpResponse<String> moved =
          api.post(
              "/api/plans/plans/" + planId + "/transitions",
              "bcm-manager",
              "{\"to\":\"" + to + "\"}");
      assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }
    return planId;
  }

  private String incidentOn(String assetName, Instant detectedAt, int processes) {
    for (int attempt = 0; attempt < 60; attempt++) {
      JsonNode accepted =
          api.ok(
              api.post(
                  "/api/incidents/intake",
                  "soc-intake",
                  ("{\"source\":\"e2e-siem\",\"sourceId\":\"%s\",\"title\":\"Ransomware"
                          + " on %s\",\"severity\":\"CRITICAL\",\"assets\":[\"%s\"],"
                          + "\"detectedAt\":\"%s\"}")
                      .formatted(UUID.randomUUID(), assetName, assetName, detectedAt)));
      String path = "/api/incidents/" + accepted.get("incidentId").asText();
      JsonNode incident =
          await("the incident is listed")
              .atMost(EVENTUALLY)
              .until(() -> api.getJson(path, "incident-commander"), i -> i != null);
      if (incident.get("affectedProcesses").size() == processes) {
        return incident.get("id").asText();
      }
      await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
    }
    throw new AssertionError("incident-service never resolved asset " + assetName);
  }

  /** The script of an exercise seeded from the incident, or null while plan-service cannot yet. */
  private JsonNode replay(String planId, String incidentId) {
    HttpResponse<String> planned =
        api.post(
            "/api/plans/exercises",
            "plan-owner",
            ("{\"planId\":\"%s\",\"kind\":\"TABLETOP\",\"title\":\"Replay\","
                    + "\"seedIncidentId\":\"%s\",\"timeCompression\":4}")
                .formatted(planId, incidentId));
    if (planned.statusCode() == 400) {
      return null;
    }
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    String location = planned.headers().firstValue("Location").orElseThrow();
    return api.getJson(
            "/api/plans/exercises/" + location.substring(location.lastIndexOf('/') + 1), "auditor")
        .get("script");
  }

  private void record(String path, String json) {
    HttpResponse<String> response = api.post(path, "incident-commander", json);
    assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 202);
  }

  private List<JsonNode> revisionsOf(String processId) {
    return pendingRevisions("processId", processId);
  }

  private List<JsonNode> pendingRevisions(String field, String id) {
    JsonNode all = api.items("/api/bia/revisions?status=PENDING", "bcm-manager");
    List<JsonNode> mine = new ArrayList<>();
    for (JsonNode revision : items(all)) {
      if (id.equals(revision.path(field).asText())) {
        mine.add(revision);
      }
    }
    return mine;
  }

  private static List<JsonNode> items(JsonNode page) {
    JsonNode list = page.isArray() ? page : page.get("items");
    List<JsonNode> items = new ArrayList<>();
    list.forEach(items::add);
    return items;
  }

  private String created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return api.json(response).get("id").asText();
  }
}
