package nl.herstel.gateway.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the docs pages ({@code /api/docs}) their own Content Security Policy: response filters run
 * from the highest priority down, so this one runs after the platform's {@link
 * nl.herstel.platform.rest.SecurityHeaders}, which sets {@code default-src 'none'} on every answer.
 * Every other security header stays.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR - 100)
public class DocsHeaders implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getPath().replaceFirst("^/", "");
    if (path.equals("docs") || path.startsWith("docs/")) {
      response.getHeaders().putSingle("Content-Security-Policy", DocsResource.POLICY);
    }
  }
}
