package nl.herstel.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.herstel.gateway.config.Routes;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.rest.Problem.Kind;

/**
 * Forwards a request to the service that owns its path and streams the answer back: method, path,
 * query, body and end-to-end headers unchanged (the service checks the same bearer token again),
 * hop-by-hop headers dropped. An unreachable service is a 503 problem, a slow one 504.
 */
@ApplicationScoped
public class Proxy {
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length",
          "expect");

  @Inject Routes routes;

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public Response forward(
      String method,
      String service,
      String rawPath,
      String rawQuery,
      MultivaluedMap<String, String> headers,
      InputStream body) {
    URI base = routes.target(service).orElseThrow(() -> new NotFound("Route", "/api/" + service));
    URI target = URI.create(base + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(routes.timeoutSeconds()))
            .method(method, publisher(method, body));
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        for (String value : header.getValue()) {
          request.header(header.getKey(), value);
        }
      }
    }
    try {
      HttpResponse<InputStream> answer =
          client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      Response.ResponseBuilder response = Response.status(answer.statusCode());
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                  values.forEach(value -> response.header(name, value));
                }
              });
      boolean stream =
          answer
              .headers()
              .firstValue("Content-Type")
              .filter(type -> type.toLowerCase(Locale.ROOT).startsWith("text/event-stream"))
              .isPresent();
      return response.entity(stream ? flushing(answer.body()) : answer.body()).build();
    } catch (HttpTimeoutException e) {
      return problem(Kind.UNAVAILABLE, service + " did not answer in time", rawPath, 504);
    } catch (ConnectException e) {
      return problem(
          Kind.UNAVAILABLE, service + " is not reachable; try again shortly", rawPath, 503);
    } catch (IOException e) {
      return problem(
          Kind.UNAVAILABLE, service + " failed to answer: " + e.getMessage(), rawPath, 502);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return problem(Kind.UNAVAILABLE, "Interrupted", rawPath, 503);
    }
  }

  /**
   * A server-sent-events body, passed on as it arrives: each chunk is flushed at once, so a
   * dashboard sees an event when the service sends it, not when a buffer fills.
   */
  private static StreamingOutput flushing(InputStream events) {
    return out -> {
      try (events) {
        byte[] buffer = new byte[8192];
        for (int n = events.read(buffer); n >= 0; n = events.read(buffer)) {
          out.write(buffer, 0, n);
          out.flush();
        }
      }
    };
  }

  private static HttpRequest.BodyPublisher publisher(String method, InputStream body) {
    if (body == null || "GET".equals(method) || "HEAD".equals(method) || "DELETE".equals(method)) {
      return HttpRequest.BodyPublishers.noBody();
    }
    try {
      return HttpRequest.BodyPublishers.ofByteArray(body.readAllBytes());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Response problem(Kind kind, String detail, String path, int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return Problem.of(kind, detail, path)
        .withStatus(status, known == null ? kind.title() : known.getReasonPhrase())
        .toResponse();
  }
}
