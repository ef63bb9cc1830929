package nl.herstel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.devstack.EmbeddedPostgresServer;
import nl.herstel.devstack.testing.ServiceClient;
import org.junit.jupiter.api.Test;

/**
 * The conversation's id end to end: the {@code X-Correlation-Id} a client sends through the gateway
 * is the one on the events incident-service stores and on the events lessons-service stores when it
 * consumes them; the gateway makes one when the client sent none, and replaces one that is unsafe
 * to store.
 */
class CorrelationIT {
  private static final Duration EVENTUALLY = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ServiceClient api =
      new ServiceClient(Stack.get().gatewayUrl(), role -> Stack.get().token(role));
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void theIdAClientSendsIsStoredOnTheEventsOfEveryServiceItReaches() throws Exception {
    String opening = "e2e-open-" + UUID.randomUUID();
    HttpResponse<String> posted = send("/api/incidents/intake", "soc-intake", alert(), opening);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    assertThat(posted.headers().firstValue("X-Correlation-Id")).contains(opening);
    String incidentId = api.json(posted).get("incidentId").asText();

    await("incident-service stored the opening")
        .atMost(EVENTUALLY)
        .until(() -> !correlationIds("herstel_incidents", incidentId).isEmpty());
    assertThat(correlationIds("herstel_incidents", incidentId)).containsOnly(opening);

    String closing = "e2e-close-" + UUID.randomUUID();
    HttpResponse<String> closed =
        await("incident-service shows the incident")
            .atMost(EVENTUALLY)
            .until(
                () ->
                    send(
                        "/api/incidents/" + incidentId + "/closure",
                        "incident-commander",
                        "{\"restorations\":[],\"summary\":\"False alarm\"}",
                        closing),
                r -> r.statusCode() != 404);
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(202);
    assertThat(closed.headers().firstValue("X-Correlation-Id")).contains(closing);
    assertThat(correlationIds("herstel_incidents", incidentId)).containsOnly(opening, closing);

    List<String> review =
        await("lessons-service opened the incident's review")
            .atMost(EVENTUALLY)
            .until(() -> correlationIds("herstel_lessons", incidentId), ids -> !ids.isEmpty());
    assertThat(review).containsOnly(closing);
  }

  @Test
  void theGatewayMakesAnIdWhenNoneOrAnUnsafeOneIsSent() throws Exception {
    for (String unsafe : new String[] {null, "x".repeat(101), "two words", "a;b<script>"}) {
      HttpResponse<String> posted = send("/api/incidents/intake", "soc-intake", alert(), unsafe);
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
      String made = posted.headers().firstValue("X-Correlation-Id").orElseThrow();
      assertThat(made).isNotEqualTo(unsafe).matches("[0-9a-f-]{36}");
      String incidentId = api.json(posted).get("incidentId").asText();
      List<String> stored =
          await()
              .atMost(EVENTUALLY)
              .until(() -> correlationIds("herstel_incidents", incidentId), ids -> !ids.isEmpty());
      assertThat(stored).containsOnly(made);
    }
  }

  /**
   * incident-service logs JSON lines (as in production); a line written while handling a request
   * carries the request's correlation id; no bearer token, good or forged, appears in any log.
   */
  @Test
  void logLinesCarryTheCorrelationIdAndNoToken() throws Exception {
    String token = Stack.get().token("soc-intake");
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    String refused = "e2e-refused-" + UUID.randomUUID();
    HttpResponse<String> bad =
        sendWithToken("/api/incidents/intake", token, "{\"source\":\"e2e-correlation\"}", refused);
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    HttpResponse<String> unauthenticated =
        sendWithToken("/api/incidents/intake", forged, alert(), "e2e-forged-" + UUID.randomUUID());
    assertThat(unauthenticated.statusCode()).isEqualTo(401);

    Path log = Stack.get().server("incident-service").logFile();
    JsonNode line =
        await("incident-service logged the refusal")
            .atMost(EVENTUALLY)
            .until(() -> jsonLineWith(log, refused), found -> found != null);
    assertThat(line.path("ext_correlationId").asText()).isEqualTo(refused);
    assertThat(line.path("message").asText()).contains("refused an alert");
    for (String service : new String[] {"gateway", "incident-service"}) {
      String text = Files.readString(Stack.get().server(service).logFile());
      assertThat(text).as(service).isNotEmpty().doesNotContain(parts[2]).doesNotContain(forged);
    }
  }

  private static JsonNode jsonLineWith(Path log, String correlationId) throws Exception {
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith("{") && line.contains(correlationId)) {
        return JSON.readTree(line);
      }
    }
    return null;
  }

  private HttpResponse<String> send(String path, String role, String json, String correlationId)
      throws Exception {
    return sendWithToken(path, Stack.get().token(role), json, correlationId);
  }

  private HttpResponse<String> sendWithToken(
      String path, String token, String json, String correlationId) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Stack.get().gatewayUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (correlationId != null) {
      request.header("X-Correlation-Id", correlationId);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String alert() {
    return ("{\"source\":\"e2e-correlation\",\"sourceId\":\"%s\",\"title\":\"Disk full\","
            + "\"severity\":\"LOW\",\"assets\":[\"host-%s\"]}")
        .formatted(UUID.randomUUID(), UUID.randomUUID());
  }

  /** The correlation ids on the stored events of one aggregate, in the order they were stored. */
  private static List<String> correlationIds(String database, String aggregateId) throws Exception {
    EmbeddedPostgresServer postgres = Stack.get().postgres();
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl(database), postgres.user(), postgres.password());
        PreparedStatement query =
            c.prepareStatement(
                "SELECT convert_from(metadata, 'UTF8')::jsonb->>'correlationId'"
                    + " FROM domainevententry WHERE aggregateidentifier = ? ORDER BY globalindex")) {
      query.setString(1, aggregateId);
      List<String> ids = new ArrayList<>();
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          ids.add(r.getString(1));
        }
      }
      return ids;
    }
  }
}
