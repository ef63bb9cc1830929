package nl.herstel.gateway.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import nl.herstel.gateway.routing.Proxy;

/**
 * Routes the SOC intake ({@code POST /api/incidents/intake[/vendor]}) without asking for a bearer
 * token: SOC tools may authenticate with a per-source API key ({@code X-Api-Key}) instead, which
 * only incident-service can check. incident-service authenticates every intake request itself,
 * token or key.
 */
@Path("/incidents/intake")
@RequestScoped
@PermitAll
public class IntakeRouteResource {
  @Inject Proxy proxy;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @POST
  public Response intake(InputStream body) {
    return forward(body);
  }

  @POST
  @Path("{vendor: [a-z]+}")
  public Response vendor(InputStream body) {
    return forward(body);
  }

  private Response forward(InputStream body) {
    return proxy.forward(
        "POST",
        "incidents",
        uri.getRequestUri().getRawPath(),
        uri.getRequestUri().getRawQuery(),
        headers.getRequestHeaders(),
        body);
  }
}
