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
}
