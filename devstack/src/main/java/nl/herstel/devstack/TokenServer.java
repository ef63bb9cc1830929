package nl.herstel.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The development token service on 127.0.0.1: {@code GET /token?role=ROLE[&role=ROLE2][&sub=NAME]}
 * answers a signed JWT as text; {@code GET /} explains how to use it. For the web console it also
 * speaks the OAuth 2.0 authorization-code flow with PKCE ({@link CodeFlow}): {@code GET /authorize}
 * shows a login page, {@code POST /token} exchanges the code for a token (JSON, as an OIDC provider
 * answers).
 */
public final class TokenServer implements AutoCloseable {
  /** How long a token from this service is valid. */
  public static final Duration TOKEN_TTL = Duration.ofHours(8);

  private final HttpServer server;
  private final ExecutorService executor;
  private final DevJwt jwt;
  private final CodeFlow codeFlow = new CodeFlow(java.time.Clock.systemUTC());

  private TokenServer(HttpServer server, ExecutorService executor, DevJwt jwt) {
    this.server = server;
    this.executor = executor;
    this.jwt = jwt;
  }

  /** Starts the service on 127.0.0.1:{@code port} (0 = a free port). */
  public static TokenServer start(DevJwt jwt, int port) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      ExecutorService executor =
          Executors.newFixedThreadPool(
              2,
              r -> {
                Thread t = new Thread(r, "herstel-token-server");
                t.setDaemon(true);
                return t;
              });
      TokenServer ts = new TokenServer(server, executor, jwt);
      server.createContext("/", ts::handle);
      server.setExecutor(executor);
      server.start();
      return ts;
    } catch (IOException e) {
      throw new UncheckedIOException("token server cannot listen on port " + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url() {
    return "http://localhost:" + port();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      if ("/authorize".equals(path) && ("GET".equals(method) || "POST".equals(method))) {
        authorize(ex);
      } else if ("/login.css".equals(path) && "GET".equals(method)) {
        ex.getResponseHeaders().set("Cache-Control", "public, max-age=3600");
        send(ex, 200, "text/css", LoginPage.CSS, false);
      } else if ("/token".equals(path) && "POST".equals(method)) {
        exchange(ex);
      } else if ("/token".equals(path) && "OPTIONS".equals(method)) {
        cors(ex);
        ex.getResponseHeaders().set("Access-Control-Allow-Methods", "POST");
        ex.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
        ex.sendResponseHeaders(204, -1);
      } else if (!"GET".equals(method)) {
        problem(ex, 405, "Method Not Allowed", "only GET is supported", null);
      } else if ("/token".equals(path)) {
        token(ex);
      } else if ("/".equals(path)) {
        send(ex, 200, "text/plain; charset=utf-8", help());
      } else {
        problem(
            ex, 404, "Not Found", "no resource " + path + "; try /token?role=bcm-manager", null);
      }
    }
  }

  private void token(HttpExchange ex) throws IOException {
    Set<String> roles = new LinkedHashSet<>();
    String sub = null;
    for (String[] kv : query(ex.getRequestURI().getRawQuery())) {
      if ("role".equals(kv[0])) {
        for (String r : kv[1].split(",")) {
          if (!r.isBlank()) {
            roles.add(r.trim());
          }
        }
      } else if ("sub".equals(kv[0]) && !kv[1].isBlank()) {
        sub = kv[1].trim();
      }
    }
    if (roles.isEmpty()) {
      problem(ex, 400, "Missing role", "give at least one role: ?role=ROLE", "role");
      return;
    }
    for (String r : roles) {
      if (!DevJwt.ROLES.contains(r)) {
        problem(
            ex,
            400,
            "Unknown role",
            "unknown role '"
                + r
                + "'; known roles: "
                + String.join(", ", new TreeSet<>(DevJwt.ROLES)),
            "role");
        return;
      }
    }
    if (sub == null) {
      sub = "dev-" + roles.iterator().next();
    }
    send(ex, 200, "text/plain; charset=utf-8", jwt.mint(sub, roles, TOKEN_TTL));
  }

  /**
   * {@code GET /authorize?response_type=code&client_id&redirect_uri&state&code_challenge&
   * code_challenge_method=S256}: the login page; its form posts back here with a user name and
   * roles, and the browser goes back to {@code redirect_uri} with {@code code} and {@code state}.
   */
  private void authorize(HttpExchange ex) throws IOException {
    boolean post = "POST".equals(ex.getRequestMethod());
    List<String[]> pairs =
        query(
            post
                ? new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                : ex.getRequestURI().getRawQuery());
    java.util.Map<String, String> p = first(pairs);
    CodeFlow.Request request;
    try {
      request = CodeFlow.request(p);
    } catch (CodeFlow.Refused refused) {
      LoginPage.headers(ex, null);
      send(ex, 400, "text/html; charset=utf-8", LoginPage.error(refused.getMessage()), false);
      return;
    }
    if (!post) {
      LoginPage.headers(ex, request.redirectUri());
      send(ex, 200, "text/html; charset=utf-8", LoginPage.form(request, p, null), false);
      return;
    }
    List<String> roles = new ArrayList<>();
    for (String[] kv : pairs) {
      if ("role".equals(kv[0]) && !kv[1].isBlank()) {
        roles.add(kv[1].trim());
      }
    }
    try {
      java.net.URI back = codeFlow.issue(request, p.get("username"), roles);
      ex.getResponseHeaders().set("Location", back.toString());
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      ex.sendResponseHeaders(303, -1);
    } catch (CodeFlow.Refused refused) {
      LoginPage.headers(ex, request.redirectUri());
      send(
          ex,
          400,
          "text/html; charset=utf-8",
          LoginPage.form(request, p, refused.getMessage()),
          false);
    }
  }

  /** {@code POST /token} with {@code grant_type=authorization_code}: the code for a token. */
  private void exchange(HttpExchange ex) throws IOException {
    cors(ex);
    java.util.Map<String, String> p =
        first(query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    try {
      CodeFlow.Grant grant = codeFlow.exchange(p);
      String token = jwt.mint(grant.subject(), grant.roles(), TOKEN_TTL);
      send(
          ex,
          200,
          "application/json",
          "{\"access_token\":"
              + DevJwt.json(token)
              + ",\"token_type\":\"Bearer\",\"expires_in\":"
              + TOKEN_TTL.toSeconds()
              + "}",
          true);
    } catch (CodeFlow.Refused refused) {
      send(
          ex,
          400,
          "application/json",
          "{\"error\":"
              + DevJwt.json(refused.error)
              + ",\"error_description\":"
              + DevJwt.json(refused.getMessage())
              + "}",
          true);
    }
  }

  /** The exchange is called from the console's origin: any origin may (no cookies are used). */
  private static void cors(HttpExchange ex) {
    ex.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
  }

  private static java.util.Map<String, String> first(List<String[]> pairs) {
    java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
    for (String[] kv : pairs) {
      map.putIfAbsent(kv[0], kv[1]);
    }
    return map;
  }

  private String help() {
    StringBuilder sb = new StringBuilder();
    sb.append("Herstel development token service (issuer ").append(DevJwt.ISSUER).append(")\n\n");
    sb.append("GET /token?role=ROLE[&role=ROLE2][&sub=NAME]  ->  a signed JWT (RS256), valid ")
        .append(TOKEN_TTL.toHours())
        .append(" h\n\nRoles:\n");
    for (String r : new TreeSet<>(DevJwt.ROLES)) {
      sb.append("  ").append(r).append('\n');
    }
    sb.append("\nExample:\n  TOKEN=$(curl -s '")
        .append(url())
        .append("/token?role=bcm-manager')\n  curl -H \"Authorization: Bearer $TOKEN\" ...\n")
        .append(
            "\nThe web console signs in with the authorization-code flow (PKCE, S256): GET"
                + " /authorize shows a login page, POST /token exchanges the code.\n");
    return sb.toString();
  }

  private static List<String[]> query(String raw) {
    List<String[]> out = new ArrayList<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      String k = eq < 0 ? part : part.substring(0, eq);
      String v = eq < 0 ? "" : part.substring(eq + 1);
      out.add(
          new String[] {
            URLDecoder.decode(k, StandardCharsets.UTF_8),
            URLDecoder.decode(v, StandardCharsets.UTF_8)
          });
    }
    return out;
  }

  private static void problem(
      HttpExchange ex, int status, String title, String detail, String param) throws IOException {
    StringBuilder sb = new StringBuilder("{");
    sb.append("\"type\":\"about:blank\"");
    sb.append(",\"title\":").append(DevJwt.json(title));
    sb.append(",\"status\":").append(status);
    sb.append(",\"detail\":").append(DevJwt.json(detail));
    if (param != null) {
      sb.append(",\"parameter\":").append(DevJwt.json(param));
    }
    sb.append("}");
    send(ex, status, "application/problem+json", sb.toString());
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    send(ex, status, type, body, true);
  }

  private static void send(HttpExchange ex, int status, String type, String body, boolean noStore)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    if (noStore || !ex.getResponseHeaders().containsKey("Cache-Control")) {
      ex.getResponseHeaders().set("Cache-Control", "no-store");
    }
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
