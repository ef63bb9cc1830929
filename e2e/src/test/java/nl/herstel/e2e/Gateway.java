package nl.herstel.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.herstel.contracts.ContractJson;

/** A client of the public API: every call goes through the gateway with a role's token. */
final class Gateway {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HttpResponse<String> post(String path, String role, String json) {
    return send(
        request(path, role)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> get(String path, String role) {
    return send(request(path, role).GET());
  }

  /** The JSON of a 2xx answer; fails with the status and body otherwise. */
  JsonNode ok(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError(
          response.request().method() + " " + response.request().uri() + " answered "
              + response.statusCode() + ": " + response.body());
    }
    return json(response);
  }

  /** GET's JSON, or null while the answer is 404 (not there yet). */
  JsonNode getOrNull(String path, String role) {
    HttpResponse<String> response = get(path, role);
    return response.statusCode() == 404 ? null : ok(response);
  }

  JsonNode json(HttpResponse<String> response) {
    try {
      return ContractJson.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  private HttpRequest.Builder request(String path, String role) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Stack.get().gatewayUrl() + path))
            .timeout(Duration.ofSeconds(30));
    if (role != null) {
      request.header("Authorization", "Bearer " + Stack.get().token(role));
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
