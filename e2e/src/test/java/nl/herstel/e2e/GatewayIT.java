package nl.herstel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.devstack.Devstack;
import nl.herstel.devstack.testing.ServiceClient;
import org.junit.jupiter.api.Test;

/**
 * The public door as an integrator and an attacker meet it: public URLs, problem+json for every
 * refusal on every port, junk that never reaches a 500, security headers, CORS, rate limits and the
 * lock-out of intake key guessing.
 */
class GatewayIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Devstack stack = Stack.get();
  private final ServiceClient api = new ServiceClient(stack.gatewayUrl(), stack::token);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void aLocationIsAGatewayUrlThatAnswers() throws Exception {
    HttpResponse<String> created =
        api.post(
            "/api/bia/assets",
            "bcm-manager",
            "{\"name\":\"gw-asset-" + UUID.randomUUID() + "\",\"kind\":\"SOFTWARE\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(stack.gatewayUrl() + "/api/bia/assets/");
    HttpResponse<String> read =
        await("the asset is readable at its Location")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> send(get(location).header("Authorization", bearer("auditor"))),
                answer -> answer.statusCode() == 200);
    assertThat(read.body()).contains("gw-asset-");
  }

  @Test
  void aProblemNamesTheRequestPathAsItsInstance() throws Exception {
    HttpResponse<String> missing = api.get("/api/bia/processes/no-such-process", "bcm-manager");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(problem(missing).get("instance").asText())
        .isEqualTo("/api/bia/processes/no-such-process");
  }

  @Test
  void aMissingOrBadTokenIsAProblemOnEveryPort() throws Exception {
    List<String> bases = new ArrayList<>();
    bases.add(stack.gatewayUrl());
    bases.add("http://127.0.0.1:" + stack.ports().bia());
    bases.add("http://127.0.0.1:" + stack.ports().incidents());
    assertThat(bases).hasSize(3);
    for (String base : bases) {
      for (String authorization : new String[] {null, "Bearer not.a.token", "Token abc"}) {
        HttpRequest.Builder request = get(base + "/api/bia/processes");
        if (base.endsWith(String.valueOf(stack.ports().incidents()))) {
          request = get(base + "/api/incidents");
        }
        if (authorization != null) {
          request.header("Authorization", authorization);
        }
        HttpResponse<String> answer = send(request);
        assertThat(answer.statusCode()).as(base + " " + authorization).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(problem(answer).get("type").asText())
            .isEqualTo("https://herstel.nl/problems/unauthorized");
      }
    }
  }

  @Test
  void theBearerSchemeIsCaseInsensitive() throws Exception {
    String token = stack.token("soc-intake");
    for (String scheme : List.of("bearer", "BEARER", "Bearer")) {
      HttpResponse<String> accepted =
          send(
              post(stack.gatewayUrl() + "/api/incidents/intake", alert("case-" + UUID.randomUUID()))
                  .header("Content-Type", "application/json")
                  .header("Authorization", scheme + " " + token));
      assertThat(accepted.statusCode()).as(scheme).isEqualTo(202);
    }
    HttpResponse<String> read =
        send(
            get(stack.gatewayUrl() + "/api/bia/processes")
                .header("Authorization", "bearer " + stack.token("auditor")));
    assertThat(read.statusCode()).isEqualTo(200);
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() throws Exception {
    String foreign = stack.jwt().mintWithAudience("dev-bcm-manager", "another-app", "bcm-manager");
    HttpResponse<String> answer =
        send(
            get(stack.gatewayUrl() + "/api/bia/processes")
                .header("Authorization", "Bearer " + foreign));
    assertThat(answer.statusCode()).isEqualTo(401);
  }

  @Test
  void junkInTheUrlIsAClientErrorNeverAServerError() throws Exception {
    String token = stack.token("bcm-manager");
    String[] targets = {
      "/api/bia/processes/a{b}",
      "/api/bia/processes/a|b",
      "/api/bia/processes/a^b",
      "/api/bia/processes/a<b>",
      "/api/bia/processes/a[b]",
      "/api/bia/processes?asOf=x{y}",
      "/api/bia/%2e%2e/%2e%2e/etc/passwd",
      "/api/incidents/intake/a{b}",
    };
    assertThat(targets).hasSize(8);
    for (String target : targets) {
      for (String auth : new String[] {null, "Bearer " + token}) {
        String answer = raw("GET " + target + " HTTP/1.1\r\n", auth, null);
        int status = status(answer);
        assertThat(status).as(target).isBetween(400, 499);
        assertThat(answer)
            .as(target)
            .doesNotContain("at java.")
            .doesNotContain("<html")
            .doesNotContain("Exception")
            .containsIgnoringCase("content-type: application/problem+json");
      }
    }
  }

  @Test
  void anEncodedNulInThePathIsRefusedByTheServerBeforeAnyApplication() throws Exception {
    String answer = raw("GET /api/bia/processes/%00 HTTP/1.1\r\n", null, null);
    assertThat(status(answer)).isEqualTo(400);
    assertThat(answer).doesNotContain("at java.").doesNotContain("Exception");
  }

  @Test
  void aBrokenChunkedBodyIsAClientError() throws Exception {
    String answer =
        raw(
            "POST /api/incidents/intake HTTP/1.1\r\n",
            null,
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
    assertThat(status(answer)).isBetween(400, 499);
    assertThat(answer).doesNotContain("at java.");
  }

  @Test
  void unstorableTextIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    String name = "nul-" + UUID.randomUUID();
    HttpResponse<String> answer =
        api.post(
            "/api/bia/assets",
            "bcm-manager",
            "{\"name\":\"" + name + "\\u0000\",\"kind\":\"SOFTWARE\"}");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(problem(answer).get("errors").get(0).get("field").asText()).isEqualTo("name");
    assertThat(api.get("/api/bia/assets", "auditor").body()).doesNotContain(name);

    HttpResponse<String> query = api.get("/api/bia/dependencies?fromId=a%00b", "auditor");
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(problem(query).get("errors").get(0).get("field").asText()).isEqualTo("fromId");
  }

  @Test
  void anUnknownQueryParameterIsRefusedNamingIt() throws Exception {
    HttpResponse<String> answer = api.get("/api/bia/processes?ownr=CFO", "auditor");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(problem(answer).get("errors").get(0).get("field").asText()).isEqualTo("ownr");
  }

  @Test
  void aBodyWithoutAConcreteMediaTypeIs415AndChangesNothing() throws Exception {
    String id =
        api.createdId(
            api.post(
                "/api/bia/assets",
                "bcm-manager",
                "{\"name\":\"gw-415-" + UUID.randomUUID() + "\",\"kind\":\"SOFTWARE\"}"));
    for (String type : new String[] {"*/*", "text/plain", "application/*"}) {
      HttpResponse<String> answer =
          send(
              post(
                      stack.gatewayUrl() + "/api/bia/assets/" + id + "/retirement",
                      "{\"reason\":\"x\"}")
                  .header("Authorization", bearer("bcm-manager"))
                  .header("Content-Type", type));
      assertThat(answer.statusCode()).as(type).isEqualTo(415);
      assertThat(problem(answer).get("status").asInt()).isEqualTo(415);
    }
    JsonNode asset = api.getJson("/api/bia/assets/" + id, "auditor");
    assertThat(asset.path("retired").asBoolean(false)).isFalse();
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    List<HttpResponse<String>> answers =
        List.of(
            api.get("/api/bia/processes", "auditor"),
            api.get("/api/bia/processes/none", "auditor"),
            send(get(stack.gatewayUrl() + "/api/bia/processes")));
    assertThat(answers).hasSize(3);
    for (HttpResponse<String> answer : answers) {
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
      assertThat(answer.headers().firstValue("Content-Security-Policy").orElse(""))
          .contains("frame-ancestors 'none'");
      assertThat(answer.headers().allValues("X-Content-Type-Options")).hasSize(1);
    }
  }

  @Test
  void onlyAllowedOriginsPassCors() throws Exception {
    HttpResponse<String> allowed =
        send(
            HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/bia/processes"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", Stack.ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .contains(Stack.ALLOWED_ORIGIN);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .containsIgnoringCase("authorization");

    HttpResponse<String> refused =
        send(
            HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/bia/processes"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET"));
    assertThat(refused.statusCode()).isEqualTo(403);

    HttpResponse<String> actual =
        send(
            get(stack.gatewayUrl() + "/api/bia/processes")
                .header("Authorization", bearer("auditor"))
                .header("Origin", Stack.ALLOWED_ORIGIN));
    assertThat(actual.headers().firstValue("Access-Control-Allow-Origin"))
        .contains(Stack.ALLOWED_ORIGIN);
    HttpResponse<String> foreign =
        send(
            get(stack.gatewayUrl() + "/api/bia/processes")
                .header("Authorization", bearer("auditor"))
                .header("Origin", "https://evil.example"));
    assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void guessingIntakeKeysLocksTheClientOutAndSparesOthers() throws Exception {
    String attacker = "203.0.113." + (10 + (int) (Math.random() * 200));
    int refused = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 8; i++) {
      last =
          send(
              post(stack.gatewayUrl() + "/api/incidents/intake", alert("guess-" + i))
                  .header("Content-Type", "application/json")
                  .header("X-Api-Key", "hik_guess" + i)
                  .header("X-Forwarded-For", attacker));
      if (last.statusCode() == 401) {
        refused++;
      }
    }
    assertThat(refused).as("the first five guesses reach the key check").isEqualTo(5);
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    assertThat(problem(last).get("type").asText())
        .isEqualTo("https://herstel.nl/problems/too-many-requests");

    HttpResponse<String> bystander =
        send(
            post(stack.gatewayUrl() + "/api/incidents/intake", alert("bystander"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", "hik_wrong")
                .header("X-Forwarded-For", "198.51.100.7"));
    assertThat(bystander.statusCode()).as("another client is not locked out").isEqualTo(401);
  }

  @Test
  void anIntakeKeyOverItsBudgetGets429WithRetryAfter() throws Exception {
    String source = "gw-budget-" + UUID.randomUUID().toString().substring(0, 8);
    JsonNode issued =
        api.ok(
            api.post(
                "/api/incidents/intake-keys",
                "incident-commander",
                "{\"source\":\"" + source + "\"}"));
    String key = issued.get("key").asText();
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < 40; i++) {
      sent.add(
          http.sendAsync(
              post(
                      stack.gatewayUrl() + "/api/incidents/intake",
                      "{\"source\":\"%s\",\"sourceId\":\"B-%d\",\"title\":\"budget\",\"severity\":\"LOW\",\"assets\":[\"x\"]}"
                          .formatted(source, i))
                  .header("Content-Type", "application/json")
                  .header("X-Api-Key", key)
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (var future : sent) {
      answers.add(future.get());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(answers).hasSize(40);
    long accepted = answers.stream().filter(a -> a.statusCode() == 202).count();
    List<HttpResponse<String>> limited =
        answers.stream().filter(a -> a.statusCode() == 429).toList();
    assertThat(accepted + limited.size()).as("every answer is 202 or 429").isEqualTo(40);
    assertThat(accepted)
        .as("burst 10 plus 2/s over %.1f s", seconds)
        .isLessThanOrEqualTo(10 + (long) Math.ceil(2 * seconds) + 1);
    assertThat(limited).isNotEmpty();
    for (HttpResponse<String> answer : limited) {
      assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    }
  }

  @Test
  void aLiveViewStreamsThroughTheGatewayAtOnce() throws Exception {
    JsonNode accepted =
        api.ok(
            api.post("/api/incidents/intake", "soc-intake", alert("stream-" + UUID.randomUUID())));
    String incidentId = accepted.get("incidentId").asText();
    long started = System.nanoTime();
    HttpResponse<InputStream> stream =
        http.send(
            get(stack.gatewayUrl() + "/api/incidents/" + incidentId + "/stream")
                .header("Authorization", bearer("incident-commander"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = stream.body()) {
      int first = body.read();
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertThat(first).isNotNegative();
      assertThat(millis).as("first byte of the live view through the gateway").isLessThan(2_000);
    }
  }

  private String alert(String sourceId) {
    return "{\"source\":\"siem\",\"sourceId\":\"%s\",\"title\":\"t\",\"severity\":\"LOW\",\"assets\":[\"x\"]}"
        .formatted(sourceId);
  }

  private String bearer(String role) {
    return "Bearer " + stack.token(role);
  }

  private HttpRequest.Builder get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90)).GET();
  }

  private HttpRequest.Builder post(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(90))
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode problem(HttpResponse<String> answer) throws IOException {
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    return JSON.readTree(answer.body());
  }

  /** Sends a request line as written (no client library would send these URLs) and reads all. */
  private String raw(String requestLine, String authorization, String rest) throws IOException {
    URI gateway = URI.create(stack.gatewayUrl());
    try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder(requestLine);
      request.append("Host: ").append(gateway.getAuthority()).append("\r\n");
      request.append("Connection: close\r\n");
      if (authorization != null) {
        request.append("Authorization: ").append(authorization).append("\r\n");
      }
      request.append(rest == null ? "\r\n" : rest);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(answer);
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static int status(String rawAnswer) {
    String[] statusLine = rawAnswer.split("\r\n", 2)[0].split(" ");
    assertThat(statusLine.length).as(rawAnswer).isGreaterThanOrEqualTo(2);
    return Integer.parseInt(statusLine[1]);
  }
}
