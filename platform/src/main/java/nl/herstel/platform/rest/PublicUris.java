package nl.herstel.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes every URL a service writes ({@code Location}, {@code next} links) a public one: behind the
 * gateway, the request's base is taken from {@code X-Forwarded-Proto} and {@code X-Forwarded-Host},
 * which the gateway sets from the request it received. Only the gateway is reachable from outside
 * in production (the NetworkPolicy in {@code k8s/}), so the headers come from it.
 */
@Provider
@PreMatching
@Priority(100)
public class PublicUris implements ContainerRequestFilter {
  static final String FORWARDED_HOST = "X-Forwarded-Host";
  static final String FORWARDED_PROTO = "X-Forwarded-Proto";
  private static final Pattern HOST =
      Pattern.compile("(\\[[0-9A-Fa-f:.]{2,45}]|[A-Za-z0-9.-]{1,253})(?::([0-9]{1,5}))?");

  @Override
  public void filter(ContainerRequestContext request) {
    String host = first(request.getHeaderString(FORWARDED_HOST));
    if (host == null) {
      return;
    }
    Matcher matcher = HOST.matcher(host);
    if (!matcher.matches()) {
      return;
    }
    String proto = first(request.getHeaderString(FORWARDED_PROTO));
    String scheme = "https".equalsIgnoreCase(proto) ? "https" : "http";
    int port = matcher.group(2) == null ? -1 : Integer.parseInt(matcher.group(2));
    UriInfo uri = request.getUriInfo();
    try {
      URI base = rebase(uri.getBaseUri(), scheme, matcher.group(1), port);
      URI requested = rebase(uri.getRequestUri(), scheme, matcher.group(1), port);
      if (base.getRawPath() != null && base.getRawPath().equals(requested.getRawPath() + "/")) {
        // The application's root without its slash (GET /api/incidents): keep it matching "/".
        requested = UriBuilder.fromUri(requested).replacePath(base.getRawPath()).build();
      }
      request.setRequestUri(base, requested);
    } catch (IllegalArgumentException e) {
      // A request URI the runtime cannot represent keeps its own base; it is answered as it is.
    }
  }

  /**
   * The request path as the client sent it, for a problem's {@code instance}: {@code
   * /api/bia/processes/…}, without host or query.
   */
  public static String path(UriInfo uri) {
    try {
      return uri.getRequestUri().getRawPath();
    } catch (IllegalArgumentException e) {
      return uri.getBaseUri().getRawPath().replaceFirst("/$", "")
          + "/"
          + uri.getPath().replaceFirst("^/", "");
    }
  }

  private static URI rebase(URI uri, String scheme, String host, int port) {
    return UriBuilder.fromUri(uri).scheme(scheme).host(host).port(port).build();
  }

  private static String first(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    int comma = header.indexOf(',');
    return (comma < 0 ? header : header.substring(0, comma)).trim();
  }
}
