package nl.herstel.incidents.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.herstel.contracts.ContractJson;
import nl.herstel.devstack.testing.TestInfrastructure;

/** HTTP against the service under test, with a token per role. */
final class ServiceClient {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base = "http://localhost:" + System.getProperty("herstel.it.http.port");

  HttpResponse<String> post(String path, String role, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    return send(authorise(request, role));
  }

  HttpResponse<String> get(String path, String role) {
    return send(
        authorise(
            HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET(),
            role));
  }

  /** The body of a 200 answer, or null for 404 (not yet projected). */
  JsonNode getJson(String path, String role) {
    HttpResponse<String> response = get(path, role);
    if (response.statusCode() == 404) {
      return null;
    }
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return json(response);
  }

  String createdId(HttpResponse<String> response) {
    if (response.statusCode() != 201) {
      throw new AssertionError(
          "Expected 201 but got " + response.statusCode() + ": " + response.body());
    }
    return json(response).get("id").asText();
  }

  JsonNode json(HttpResponse<String> response) {
    try {
      return ContractJson.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + response.body(), e);
    }
  }

  private static HttpRequest.Builder authorise(HttpRequest.Builder request, String role) {
    if (role != null) {
      request.header("Authorization", "Bearer " + TestInfrastructure.get().token(role));
    }
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
