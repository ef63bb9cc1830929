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
 * answers a signed JWT as text; {@code GET /} explains how to use it.
 */
public final class TokenServer implements AutoCloseable {
  /** How long a token from this service is valid. */
  public static final Duration TOKEN_TTL = Duration.ofHours(8);

  private final HttpServer server;
  private final ExecutorService executor;
  private final DevJwt jwt;

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
      if (!"GET".equals(ex.getRequestMethod())) {
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
        .append("/token?role=bcm-manager')\n  curl -H \"Authorization: Bearer $TOKEN\" ...\n");
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
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
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
