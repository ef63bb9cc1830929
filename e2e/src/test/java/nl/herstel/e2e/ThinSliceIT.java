package nl.herstel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.herstel.devstack.testing.ServiceClient;
import org.junit.jupiter.api.Test;

/**
 * The foundation's thin slice, every step through the gateway with a token: the BIA registers
 * <em>Payments</em>; plan-service learns it is not covered; a SOC alert on its database opens an
 * incident that knows the process and its deadlines; closing the incident 11 hours after the
 * disruption makes lessons-service find the 8-hour RTO breached and propose a revision, which
 * bia-service lists as pending.
 */
class ThinSliceIT {
  private static final Duration EVENTUALLY = Duration.ofSeconds(60);
  private final ServiceClient api =
      new ServiceClient(Stack.get().gatewayUrl(), role -> Stack.get().token(role));

  @Test
  void anRtoBreachFlowsBackIntoTheBiaAsAPendingRevision() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String assetName = "db-payments-" + suffix;

    String assetId =
        api.ok(
                api.post(
                    "/api/bia/assets",
                    "bcm-manager",
                    "{\"name\":\"" + assetName + "\",\"kind\":\"DATA\"}"))
            .get("id")
            .asText();
    String processId =
        api.ok(
                api.post(
                    "/api/bia/processes",
                    "bcm-manager",
                    ("{\"name\":\"Payments %s\",\"critical\":true,\"crownJewel\":true,"
                            + "\"mtpd\":\"PT24H\",\"rto\":\"PT8H\",\"rpo\":\"PT1H\","
                            + "\"supportedBy\":[\"%s\"]}")
                        .formatted(suffix, assetId)))
            .get("id")
            .asText();

    JsonNode coverage =
        await("plan-service lists the process")
            .atMost(EVENTUALLY)
            .until(
                () -> api.getJson("/api/plans/coverage/" + processId, "plan-owner"),
                c -> c != null);
    assertThat(coverage.get("status").asText()).isEqualTo("NOT_COVERED");

    Instant detectedAt = Instant.now().minus(12, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    JsonNode incident = reportAlert(assetName, detectedAt);
    String incidentId = incident.get("id").asText();
    JsonNode affected = incident.get("affectedProcesses").get(0);
    assertThat(affected.get("processId").asText()).isEqualTo(processId);
    assertThat(Instant.parse(affected.get("rtoDeadline").asText()))
        .isEqualTo(detectedAt.plus(8, ChronoUnit.HOURS));
    assertThat(Instant.parse(affected.get("mtpdDeadline").asText()))
        .isEqualTo(detectedAt.plus(24, ChronoUnit.HOURS));

    Instant restoredAt = detectedAt.plus(11, ChronoUnit.HOURS);
    api.ok(
        api.post(
            "/api/incidents/" + incidentId + "/closure",
            "incident-commander",
            "{\"restorations\":[{\"processId\":\"%s\",\"restoredAt\":\"%s\"}],\"summary\":\"Restored from backup\"}"
                .formatted(processId, restoredAt)));

    JsonNode review =
        await("lessons-service computes the recovery information")
            .atMost(EVENTUALLY)
            .until(
                () -> api.getJson("/api/lessons/recovery-information/" + incidentId, "management"),
                r -> r != null && !r.path("closedAt").isNull());
    JsonNode measured = review.get("processes").get(0);
    assertThat(review.get("processes")).hasSize(1);
    assertThat(measured.get("actualRecoveryTime").asText()).isEqualTo("PT11H");
    assertThat(measured.get("verdict").asText()).isEqualTo("RTO_BREACHED");

    List<JsonNode> pending =
        await("bia-service lists the proposal as pending")
            .atMost(EVENTUALLY)
            .until(() -> revisionsFor(processId), r -> !r.isEmpty());
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).get("status").asText()).isEqualTo("PENDING");
    assertThat(pending.get(0).get("incidentId").asText()).isEqualTo(incidentId);
    assertThat(pending.get(0).get("currentRto").asText()).isEqualTo("PT8H");
    assertThat(pending.get(0).get("actualRecoveryTime").asText()).isEqualTo("PT11H");
  }

  @Test
  void theGatewayServesOneMergedOpenApiDocument() {
    JsonNode document =
        await()
            .atMost(EVENTUALLY)
            .until(
                () -> api.ok(api.get("/api/openapi", null)), d -> !d.has("x-herstel-unavailable"));
    List<String> paths = new ArrayList<>();
    document.get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .contains(
            "/api/bia/processes",
            "/api/plans/coverage",
            "/api/incidents/intake",
            "/api/lessons/recovery-information");
  }

  @Test
  void theGatewayRequiresAToken() {
    assertThat(api.get("/api/bia/processes", null).statusCode()).isEqualTo(401);
    assertThat(api.get("/api/bia/processes", "auditor").statusCode()).isEqualTo(200);
    assertThat(api.get("/api/incidents", "auditor").statusCode()).isEqualTo(200);
  }

  @Test
  void aSocToolPostsThroughTheGatewayWithItsApiKeyAlone() throws Exception {
    String key =
        api.ok(
                api.post(
                    "/api/incidents/intake-keys",
                    "incident-commander",
                    "{\"source\":\"e2e-sentinel\"}"))
            .get("key")
            .asText();
    HttpResponse<String> posted =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(Stack.get().gatewayUrl() + "/api/incidents/intake"))
                    .header("X-Api-Key", key)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            ("{\"source\":\"e2e-sentinel\",\"sourceId\":\"%s\",\"title\":"
                                    + "\"Impossible travel\",\"severity\":\"MEDIUM\","
                                    + "\"assets\":[\"vpn-01\"]}")
                                .formatted(UUID.randomUUID())))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    assertThat(api.json(posted).get("incidentId").asText()).isNotBlank();
    assertThat(api.post("/api/incidents/intake", null, "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void aDashboardFollowsAnIncidentLiveThroughTheGateway() throws Exception {
    String incidentId =
        api.ok(
                api.post(
                    "/api/incidents/intake",
                    "soc-intake",
                    ("{\"source\":\"e2e-live\",\"sourceId\":\"%s\",\"title\":\"DDoS\","
                            + "\"severity\":\"HIGH\",\"assets\":[\"edge-01\"]}")
                        .formatted(UUID.randomUUID())))
            .get("incidentId")
            .asText();
    await("the incident is listed")
        .atMost(EVENTUALLY)
        .until(() -> api.getJson("/api/incidents/" + incidentId, "auditor"), i -> i != null);
    HttpResponse<Stream<String>> stream =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            Stack.get().gatewayUrl() + "/api/incidents/" + incidentId + "/stream"))
                    .header("Authorization", "Bearer " + Stack.get().token("auditor"))
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try (Stream<String> lines = stream.body()) {
      assertThat(stream.statusCode()).isEqualTo(200);
      assertThat(stream.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
      Future<Boolean> decisionSeen =
          reader.submit(() -> lines.anyMatch(line -> line.contains("DecisionRecorded")));
      var decided =
          api.post(
              "/api/incidents/" + incidentId + "/decisions",
              "incident-commander",
              """
              {"picture":{"known":["Edge routers saturated"],"unknown":["Source"]},
               "judgement":{"options":["Scrubbing service"],"risks":["Cost"]},
               "decision":{"what":"Route through the scrubbing service","rationale":"Fastest",
                           "mandate":"Incident commander"}}""");
      assertThat(decided.statusCode()).as(decided.body()).isEqualTo(202);
      assertThat(decisionSeen.get(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      reader.shutdownNow();
    }
  }

  /**
   * Posts a SOC alert on the asset and returns the incident once it shows the affected process.
   * incident-service learns the BIA from Kafka on its own pace; an alert that arrives before it
   * knows the asset opens an incident without affected processes, so the test reports a fresh alert
   * until the BIA has arrived there.
   */
  private JsonNode reportAlert(String assetName, Instant detectedAt) {
    for (int attempt = 0; attempt < 30; attempt++) {
      JsonNode accepted =
          api.ok(
              api.post(
                  "/api/incidents/intake",
                  "soc-intake",
                  ("{\"source\":\"e2e-siem\",\"sourceId\":\"%s\",\"title\":\"Ransomware"
                          + " on %s\",\"severity\":\"CRITICAL\",\"assets\":[\"%s\"],"
                          + "\"detectedAt\":\"%s\"}")
                      .formatted(UUID.randomUUID(), assetName, assetName, detectedAt)));
      assertThat(accepted.get("duplicate").asBoolean()).isFalse();
      String path = "/api/incidents/" + accepted.get("incidentId").asText();
      JsonNode incident =
          await("the incident is listed")
              .atMost(EVENTUALLY)
              .until(() -> api.getJson(path, "incident-commander"), i -> i != null);
      if (incident.get("affectedProcesses").size() == 1) {
        return incident;
      }
      sleep(Duration.ofSeconds(1));
    }
    throw new AssertionError("incident-service never resolved asset " + assetName);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<JsonNode> revisionsFor(String processId) {
    List<JsonNode> matching = new ArrayList<>();
    api.items("/api/bia/revisions?status=PENDING", "process-owner")
        .forEach(
            r -> {
              if (processId.equals(r.path("processId").asText())) {
                matching.add(r);
              }
            });
    return matching;
  }
}
