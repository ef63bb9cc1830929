package nl.herstel.gateway.rest;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import nl.herstel.gateway.config.Limits;
import nl.herstel.gateway.routing.KeyLockout;
import nl.herstel.gateway.routing.RateLimiter;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.rest.Problem.Kind;

/**
 * Decides whether a request may enter at all, before it is routed: CORS for browser origins on the
 * allow-list (preflights answered here), rate limits per client address, per bearer token and per
 * intake API key ({@code 429} with {@code Retry-After}), and the lock-out of a client that keeps
 * sending refused intake keys. The limits are in {@link Limits}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
@ApplicationScoped
public class Admission implements ContainerRequestFilter, ContainerResponseFilter {
  /** The request property holding the client's address as {@link #clientAddress} found it. */
  public static final String CLIENT = Admission.class.getName() + ".client";

  private static final String INTAKE_KEY = Admission.class.getName() + ".intake-key";
  private static final String ALLOWED_HEADERS =
      "Authorization, Content-Type, Idempotency-Key, If-Match, Last-Event-ID, X-Api-Key,"
          + " X-Correlation-Id";
  private static final String EXPOSED_HEADERS =
      "Location, ETag, Retry-After, X-Correlation-Id, X-Total-Count";

  @Inject Limits limits;
  @Context HttpServletRequest servlet;

  private RateLimiter perClient;
  private RateLimiter perToken;
  private RateLimiter perIntakeKey;
  private KeyLockout lockout;

  @PostConstruct
  void init() {
    perClient = new RateLimiter(limits.clientPerSecond(), limits.clientBurst(), System::nanoTime);
    perToken = new RateLimiter(limits.tokenPerSecond(), limits.tokenBurst(), System::nanoTime);
    perIntakeKey =
        new RateLimiter(limits.intakeKeyPerSecond(), limits.intakeKeyBurst(), System::nanoTime);
    lockout =
        new KeyLockout(
            limits.badKeyAttempts(),
            limits.badKeyWindow(),
            limits.badKeyLockout(),
            System::nanoTime);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    if ("OPTIONS".equals(request.getMethod())
        && origin != null
        && request.getHeaderString("Access-Control-Request-Method") != null) {
      request.abortWith(preflight(origin, path()));
      return;
    }
    String client = clientAddress(request);
    request.setProperty(CLIENT, client);
    String key = request.getHeaderString("X-Api-Key");
    boolean keyedIntake = key != null && isIntake(request);
    if (keyedIntake) {
      request.setProperty(INTAKE_KEY, Boolean.TRUE);
      Duration locked = lockout.remaining(client);
      if (!locked.isZero()) {
        request.abortWith(
            tooMany("Too many refused intake API keys from your address; try again later", locked));
        return;
      }
    }
    Duration wait = perClient.take(client);
    if (wait.isZero()) {
      String authorization = request.getHeaderString("Authorization");
      if (keyedIntake) {
        wait = perIntakeKey.take(digest(key));
      } else if (authorization != null) {
        wait = perToken.take(digest(authorization.trim()));
      }
    }
    if (!wait.isZero()) {
      request.abortWith(tooMany("The request rate limit is reached; slow down", wait));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (Boolean.TRUE.equals(request.getProperty(INTAKE_KEY)) && response.getStatus() == 401) {
      Object client = request.getProperty(CLIENT);
      if (client != null) {
        lockout.refused(client.toString());
      }
    }
    String origin = request.getHeaderString("Origin");
    if (origin != null && limits.allowedOrigins().contains(origin)) {
      MultivaluedMap<String, Object> headers = response.getHeaders();
      headers.putSingle("Access-Control-Allow-Origin", origin);
      headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
      headers.add("Vary", "Origin");
    }
  }

  /** The client's address as the admission found it (the connection's if it did not run). */
  public static String client(HttpServletRequest request) {
    Object client = request.getAttribute(CLIENT);
    return client == null ? request.getRemoteAddr() : client.toString();
  }

  /**
   * The client: the connection's address, or, when that is a trusted proxy, the last address in
   * {@code X-Forwarded-For} (the one the proxy itself added).
   */
  private String clientAddress(ContainerRequestContext request) {
    String remote = servlet.getRemoteAddr();
    List<String> trusted = limits.trustedProxies();
    String forwarded = request.getHeaderString("X-Forwarded-For");
    if (forwarded != null && trusted.contains(remote)) {
      String[] hops = forwarded.split(",");
      String last = hops[hops.length - 1].trim();
      if (!last.isEmpty() && last.length() <= 64) {
        return last;
      }
    }
    return remote;
  }

  private boolean isIntake(ContainerRequestContext request) {
    return "POST".equals(request.getMethod())
        && servlet.getRequestURI().startsWith("/api/incidents/intake");
  }

  private Response preflight(String origin, String path) {
    if (!limits.allowedOrigins().contains(origin)) {
      return Problem.of(Kind.FORBIDDEN, "This origin may not call the Herstel API", path)
          .toResponse();
    }
    return Response.noContent()
        .header("Access-Control-Allow-Origin", origin)
        .header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE")
        .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
        .header("Access-Control-Max-Age", "600")
        .header("Vary", "Origin")
        .build();
  }

  private Response tooMany(String detail, Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Response.fromResponse(Problem.of(Kind.TOO_MANY_REQUESTS, detail, path()).toResponse())
        .header("Retry-After", Long.toString(seconds))
        .build();
  }

  private String path() {
    return servlet.getRequestURI();
  }

  private static String digest(String secret) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
