package nl.herstel.gateway.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import nl.herstel.gateway.routing.Incoming;
import nl.herstel.gateway.routing.Proxy;
import nl.herstel.platform.rest.AnyQueryParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Routes the SOC intake ({@code POST /api/incidents/intake[/vendor]}) without asking for a bearer
 * token: SOC tools may authenticate with a per-source API key ({@code X-Api-Key}) instead, which
 * only incident-service can check. incident-service authenticates every intake request itself,
 * token or key. Hidden from the gateway's own OpenAPI document, as the other routes are.
 */
@Path("/incidents/intake")
@RequestScoped
@AnyQueryParameters
@PermitAll
public class IntakeRouteResource {
  @Inject Proxy proxy;
  @Context HttpServletRequest servlet;
  @Context HttpServletResponse servletResponse;
  @Context HttpHeaders headers;

  @Operation(hidden = true)
  @POST
  public Response intake(InputStream body) {
    return forward(body);
  }

  @Operation(hidden = true)
  @POST
  @Path("{vendor: [a-z]+}")
  public Response vendor(InputStream body) {
    return forward(body);
  }

  private Response forward(InputStream body) {
    return proxy.forward(
        "POST",
        "incidents",
        Incoming.of(servlet, Admission.client(servlet)),
        headers.getRequestHeaders(),
        body,
        servletResponse::flushBuffer);
  }
}
