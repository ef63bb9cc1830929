package nl.herstel.gateway.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The web console's static files (everything outside {@code /api}): a strict Content Security
 * Policy (scripts and styles from this origin only, nothing inline; connections to this origin and
 * the identity provider's token endpoint; never framed), the platform's other security headers, and
 * caching: the page itself is revalidated on every load, scripts and styles are kept a few minutes.
 * {@code /} serves {@code /index.html}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ConsoleHeaders extends HttpFilter {
  private volatile String policy;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/_herstel/")) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Content-Security-Policy", policy());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    boolean page = path.equals("/") || path.endsWith(".html");
    response.setHeader("Cache-Control", page ? "no-cache" : "public, max-age=300");
    if (path.equals("/")) {
      request.getRequestDispatcher("/index.html").forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  private String policy() {
    String p = policy;
    if (p == null) {
      p = policy(ConfigProvider.getConfig().getOptionalValue(TOKEN_ENDPOINT, String.class));
      policy = p;
    }
    return p;
  }

  static final String TOKEN_ENDPOINT = "herstel.console.oidc.token-endpoint";

  /** The console's policy; the token endpoint's origin may be connected to (the code exchange). */
  static String policy(Optional<String> tokenEndpoint) {
    Set<String> connect = new LinkedHashSet<>();
    connect.add("'self'");
    tokenEndpoint.flatMap(ConsoleHeaders::origin).ifPresent(connect::add);
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " connect-src "
        + String.join(" ", connect)
        + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  private static Optional<String> origin(String url) {
    try {
      URI uri = URI.create(url.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return Optional.empty();
      }
      return Optional.of(
          uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }
}
