package nl.herstel.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenServerTest {
  @TempDir Path keys;
  TokenServer server;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    server = TokenServer.start(DevJwt.loadOrCreate(keys), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void issuesTokenWithTheRequestedRoles() throws Exception {
    HttpResponse<String> r = get("/token?role=bcm-manager&role=auditor&sub=carol");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    String claims = DevJwtTest.decode(r.body().split("\\.")[1]);
    assertThat(claims).contains("\"sub\":\"carol\"", "\"groups\":[\"auditor\",\"bcm-manager\"]");
  }

  @Test
  void unknownRoleIsAProblem() throws Exception {
    HttpResponse<String> r = get("/token?role=superuser");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(r.body()).contains("\"status\":400", "\"parameter\":\"role\"", "superuser");
  }

  @Test
  void missingRoleIsAProblem() throws Exception {
    HttpResponse<String> r = get("/token");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"parameter\":\"role\"");
  }

  @Test
  void rootExplainsUsage() throws Exception {
    HttpResponse<String> r = get("/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("incident-commander", "curl -s", "/token?role=bcm-manager");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theCodeFlowWithPkceGivesATokenOnceForTheRightVerifier() throws Exception {
    String verifier = "v".repeat(20) + "-verifier-of-the-console-0123456789";
    String challenge = CodeFlow.challenge(verifier);
    String redirect = "http://localhost:18080/";
    String params =
        "response_type=code&client_id=herstel-console&state=s1&code_challenge_method=S256"
            + "&code_challenge="
            + challenge
            + "&redirect_uri="
            + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8);

    HttpResponse<String> page = get("/authorize?" + params);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("name=\"username\"", "value=\"incident-commander\"");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            v -> assertThat(v).contains("form-action 'self' http://localhost:18080"));

    HttpResponse<String> login =
        post("/authorize", params + "&username=ann&role=incident-commander&role=auditor");
    assertThat(login.statusCode()).isEqualTo(303);
    String location = login.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(redirect + "?code=").endsWith("&state=s1");
    String code = location.replaceAll(".*code=([^&]+).*", "$1");

    String exchange =
        "grant_type=authorization_code&client_id=herstel-console&code="
            + code
            + "&redirect_uri="
            + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> wrong = post("/token", exchange + "&code_verifier=" + "w".repeat(43));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("\"error\":\"invalid_grant\"");

    HttpResponse<String> login2 =
        post("/authorize", params + "&username=ann&role=incident-commander");
    String code2 =
        login2.headers().firstValue("Location").orElseThrow().replaceAll(".*code=([^&]+).*", "$1");
    String exchange2 = exchange.replace(code, code2) + "&code_verifier=" + verifier;
    HttpResponse<String> token = post("/token", exchange2);
    assertThat(token.statusCode()).isEqualTo(200);
    assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(token.body()).contains("\"token_type\":\"Bearer\"");
    String jwt = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    assertThat(DevJwtTest.decode(jwt.split("\\.")[1]))
        .contains("\"sub\":\"ann\"", "\"groups\":[\"incident-commander\"]");

    assertThat(post("/token", exchange2).statusCode()).as("a code is used once").isEqualTo(400);
  }

  @Test
  void theCodeFlowRefusesForeignRedirectsAndPlainChallenges() throws Exception {
    String challenge = CodeFlow.challenge("x".repeat(43));
    assertThat(
            get("/authorize?response_type=code&client_id=c&code_challenge_method=S256"
                    + "&code_challenge="
                    + challenge
                    + "&redirect_uri=https%3A%2F%2Fevil.example%2F")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            get("/authorize?response_type=code&client_id=c&code_challenge_method=plain"
                    + "&code_challenge="
                    + challenge
                    + "&redirect_uri=http%3A%2F%2Flocalhost%2F")
                .statusCode())
        .isEqualTo(400);
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
