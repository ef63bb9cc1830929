package nl.herstel.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives an error answer without a body its problem document: the server's JWT check answers a
 * missing, malformed or expired token with a bare 401 (and only its {@code WWW-Authenticate}),
 * which clients should get as RFC 9457 JSON like every other error.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR + 10)
public class EmptyErrorBodies implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (status < 400 || response.hasEntity()) {
      return;
    }
    String path = PublicUris.path(request.getUriInfo());
    Problem problem = Problem.forStatus(status, "The request was refused", path);
    response.getHeaders().remove("Content-Length");
    if (status == 401 && !response.getHeaders().containsKey("WWW-Authenticate")) {
      response.getHeaders().putSingle("WWW-Authenticate", "Bearer");
    }
    response.setEntity(
        problem, new java.lang.annotation.Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
  }
}
