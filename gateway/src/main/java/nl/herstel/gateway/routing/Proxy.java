package nl.herstel.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.Flushable;
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
import nl.herstel.platform.security.CallerFilter;

/**
 * Forwards a request to the service that owns its path and streams the answer back: method, path,
 * query, body and end-to-end headers unchanged (the service checks the same bearer token again),
 * hop-by-hop headers dropped. The conversation's {@code X-Correlation-Id} is the client's when it
 * is safe, else one the gateway made (the one it answers), so the events stored carry it. A service
 * that is down (connection refused) or went away during the request (connection closed: killed,
 * restarting) is a 503 problem with {@code Retry-After}, at once; a slow one 504. A service's own
 * 503 (its database away) passes through with its {@code Retry-After}.
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
          "expect",
          "forwarded",
          "x-forwarded-for",
          "x-forwarded-host",
          "x-forwarded-proto",
          "x-forwarded-port",
          "x-forwarded-prefix");

  @Inject Routes routes;

  private final HttpClient client =
      HttpClient.newBuilder()
          // HTTP/1.1 to the services: an h2c upgrade held server-sent events back for seconds.
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /**
   * Forwards {@code incoming} to {@code service}. The service learns the public origin from {@code
   * X-Forwarded-Proto} and {@code X-Forwarded-Host} (so its {@code Location}s and links name the
   * gateway) and the client from {@code X-Forwarded-For}; whatever the client sent in those headers
   * is dropped.
   */
  public Response forward(
      String method,
      String service,
      Incoming incoming,
      MultivaluedMap<String, String> headers,
      InputStream body,
      Flushable toClient) {
    URI base = routes.target(service).orElseThrow(() -> new NotFound("Route", "/api/" + service));
    URI target =
        URI.create(
            base
                + Incoming.encodeIllegal(incoming.rawPath())
                + (incoming.rawQuery() == null
                    ? ""
                    : "?" + Incoming.encodeIllegal(incoming.rawQuery())));
    HttpRequest.BodyPublisher payload;
    try {
      payload = publisher(method, body);
    } catch (IOException e) {
      return problem(
          Kind.MALFORMED,
          "The request body could not be read (broken chunked encoding or a dropped connection)",
          incoming.rawPath(),
          400);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(routes.timeoutSeconds()))
            .method(method, payload);
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))
          && !CallerFilter.CORRELATION_HEADER.equalsIgnoreCase(header.getKey())) {
        boolean authorization = "authorization".equalsIgnoreCase(header.getKey());
        for (String value : header.getValue()) {
          request.header(header.getKey(), authorization ? canonicalScheme(value) : value);
        }
      }
    }
    request.header(
        CallerFilter.CORRELATION_HEADER,
        CallerFilter.correlationId(headers.getFirst(CallerFilter.CORRELATION_HEADER)));
    request.header("X-Forwarded-Proto", incoming.scheme());
    request.header("X-Forwarded-Host", incoming.host());
    request.header("X-Forwarded-For", incoming.clientAddress());
    try {
      HttpResponse<InputStream> answer =
          client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      Response.ResponseBuilder response = Response.status(answer.statusCode());
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals("location") || lower.equals("content-location")) {
                  values.forEach(
                      value -> response.header(name, publicLocation(value, base, incoming)));
                } else if (!HOP_BY_HOP.contains(lower) && !name.startsWith(":")) {
                  values.forEach(value -> response.header(name, value));
                }
              });
      boolean stream =
          answer
              .headers()
              .firstValue("Content-Type")
              .filter(type -> type.toLowerCase(Locale.ROOT).startsWith("text/event-stream"))
              .isPresent();
      return response.entity(stream ? flushing(answer.body(), toClient) : answer.body()).build();
    } catch (HttpTimeoutException e) {
      return problem(
          Kind.UNAVAILABLE, service + " did not answer in time", incoming.rawPath(), 504);
    } catch (ConnectException e) {
      return problem(
          Kind.UNAVAILABLE,
          service + " is not reachable; try again shortly",
          incoming.rawPath(),
          503);
    } catch (IOException e) {
      // The connection broke before an answer came: the service was killed or is restarting.
      // Whether a write took effect is unknown; the client retries (commands are idempotent by
      // their keys, e.g. an alert's source and id), so this is "unavailable", not a bad gateway.
      return problem(
          Kind.UNAVAILABLE,
          service + " failed to answer; try again shortly",
          incoming.rawPath(),
          503);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return problem(Kind.UNAVAILABLE, "Interrupted", incoming.rawPath(), 503);
    }
  }

  /**
   * A server-sent-events body, passed on as it arrives: the headers and each chunk are flushed to
   * the client at once (through the servlet response: the JAX-RS stream alone holds them back), so
   * a dashboard sees an event when the service sends it, not when a buffer fills.
   */
  private static StreamingOutput flushing(InputStream events, Flushable client) {
    return out -> {
      try (events) {
        out.flush();
        client.flush();
        byte[] buffer = new byte[8192];
        for (int n = events.read(buffer); n >= 0; n = events.read(buffer)) {
          out.write(buffer, 0, n);
          out.flush();
          client.flush();
        }
      }
    };
  }

  /**
   * A {@code Location} that still names the service (one that ignored the forwarded headers) is
   * rewritten to the gateway's origin; the path is the same on both.
   */
  static String publicLocation(String location, URI serviceBase, Incoming incoming) {
    String internal = serviceBase.toString().replaceFirst("/$", "");
    if (location.startsWith(internal + "/")) {
      return incoming.origin() + location.substring(internal.length());
    }
    return location;
  }

  private static HttpRequest.BodyPublisher publisher(String method, InputStream body)
      throws IOException {
    if (body == null || "GET".equals(method) || "HEAD".equals(method) || "DELETE".equals(method)) {
      return HttpRequest.BodyPublishers.noBody();
    }
    return HttpRequest.BodyPublishers.ofByteArray(body.readAllBytes());
  }

  private static Response problem(Kind kind, String detail, String path, int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return Problem.of(kind, detail, path)
        .withStatus(status, known == null ? kind.title() : known.getReasonPhrase())
        .toResponse();
  }

  /**
   * An authentication scheme is case-insensitive (RFC 9110, section 11.1): {@code bearer x} reaches
   * the service as {@code Bearer x}, which is the only spelling its token check knows.
   */
  static String canonicalScheme(String authorization) {
    if (authorization.length() > 7
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && !authorization.startsWith("Bearer ")) {
      return "Bearer " + authorization.substring(7).strip();
    }
    return authorization;
  }
}
