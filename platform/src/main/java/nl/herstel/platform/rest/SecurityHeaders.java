package nl.herstel.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The security headers on every answer: no MIME sniffing, never framed, no referrer, and API
 * answers not cached (they carry incident and BIA data) unless a resource says otherwise.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class SecurityHeaders implements ContainerResponseFilter {

  /** The headers every answer carries, whatever a resource set. */
  public static final Map<String, String> ALWAYS =
      Map.of(
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY",
          "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
          "Referrer-Policy", "no-referrer");

  /** Unless a resource chose its own caching. */
  public static final String CACHE_CONTROL = "no-store";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    ALWAYS.forEach(response.getHeaders()::putSingle);
    response.getHeaders().putIfAbsent("Cache-Control", java.util.List.of(CACHE_CONTROL));
  }

  /** The same headers for answers written outside JAX-RS (the error servlet). */
  public static void apply(BiConsumer<String, String> header) {
    ALWAYS.forEach(header);
    header.accept("Cache-Control", CACHE_CONTROL);
  }
}
