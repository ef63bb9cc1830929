package nl.herstel.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/**
 * HTTP for tests: JSON requests against a service or the gateway, with a bearer token per role
 * ({@code null} role = no token), and helpers that fail with the status and body when an answer is
 * not what the test needs.
 */
public final class ServiceClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final Function<String, String> tokens;

  public ServiceClient(String baseUrl, Function<String, String> tokens) {
    this.baseUrl = baseUrl;
    this.tokens = tokens;
  }

  /**
   * The service deployed by the current Arquillian IT (system property {@code
   * herstel.it.http.port}), with tokens from the {@link TestInfrastructure}.
   */
  public static ServiceClient forServiceUnderTest() {
    return new ServiceClient(
        "http://localhost:" + System.getProperty("herstel.it.http.port"),
        role -> TestInfrastructure.get().token(role));
  }

  public HttpResponse<String> post(String path, String role, String json) {
    return send(
        request(path, role)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> get(String path, String role) {
    return send(request(path, role).GET());
  }

  /** A GET whose answer is binary (a ZIP, a PDF). */
  public HttpResponse<byte[]> getBytes(String path, String role) {
    return sendForBytes(request(path, role).GET());
  }

  /** A POST of a JSON body whose answer is binary. */
  public HttpResponse<byte[]> postForBytes(String path, String role, String json) {
    return sendForBytes(
        request(path, role)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A POST of a JSON body with an If-Match header. */
  public HttpResponse<String> post(String path, String role, String json, String ifMatch) {
    return send(
        request(path, role)
            .header("Content-Type", "application/json")
            .header("If-Match", ifMatch)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A PUT of a JSON body, with an If-Match header when {@code ifMatch} is not null. */
  public HttpResponse<String> put(String path, String role, String json, String ifMatch) {
    HttpRequest.Builder request =
        request(path, role)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return send(request);
  }

  /** The body of a 200 answer, or {@code null} for 404 (not there yet); fails otherwise. */
  public JsonNode getJson(String path, String role) {
    HttpResponse<String> response = get(path, role);
    return response.statusCode() == 404 ? null : ok(response);
  }

  /**
   * Every item of a list answer, following each page's {@code next} link until it is absent; a bare
   * JSON array (a list that is not paged) is taken as it is. Fails unless every page answers 2xx.
   */
  public ArrayNode items(String path, String role) {
    ArrayNode all = JSON.createArrayNode();
    String next = path;
    for (int pages = 0; next != null; pages++) {
      if (pages > 10_000) {
        throw new AssertionError("More than 10000 pages of " + path);
      }
      JsonNode page = ok(send(request(next, role).GET()));
      if (page.isArray()) {
        all.addAll((ArrayNode) page);
        return all;
      }
      all.addAll((ArrayNode) page.get("items"));
      next = page.hasNonNull("next") ? page.get("next").asText() : null;
    }
    return all;
  }

  /** The JSON of a 2xx answer; fails with the status and body otherwise. */
  public JsonNode ok(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return json(response);
  }

  /** The {@code id} of a 201 answer; fails otherwise. */
  public String createdId(HttpResponse<String> response) {
    if (response.statusCode() != 201) {
      throw new AssertionError(
          "Expected 201 but got " + response.statusCode() + ": " + response.body());
    }
    return json(response).get("id").asText();
  }

  public JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + response.body(), e);
    }
  }

  private HttpRequest.Builder request(String path, String role) {
    URI uri =
        URI.create(
            path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (role != null) {
      request.header("Authorization", "Bearer " + tokens.apply(role));
    }
    return request;
  }

  private HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
