package nl.herstel.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import nl.herstel.gateway.routing.Incoming;
import nl.herstel.gateway.routing.Proxy;
import nl.herstel.platform.rest.AnyQueryParameters;
import nl.herstel.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Routes {@code /api/bia/**}, {@code /api/plans/**}, {@code /api/incidents/**} and {@code
 * /api/lessons/**} to their services. Any Herstel role may pass the gateway; each service then
 * decides what that role may do there. The routes are not operations of their own: the merged
 * document at {@code /api/openapi} describes the services' operations behind them.
 */
@Path("/{service: bia|plans|incidents|lessons}")
@RequestScoped
@AnyQueryParameters
@RolesAllowed({
  Roles.BCM_MANAGER,
  Roles.PROCESS_OWNER,
  Roles.PLAN_OWNER,
  Roles.INCIDENT_COMMANDER,
  Roles.RECOVERY_TEAM,
  Roles.SOC_INTAKE,
  Roles.MANAGEMENT,
  Roles.AUDITOR
})
public class RouteResource {
  @Inject Proxy proxy;
  @Context HttpServletRequest servlet;
  @Context HttpServletResponse servletResponse;
  @Context HttpHeaders headers;
  @Context Request request;

  /** The service's own root, such as {@code GET /api/incidents} (the incident list). */
  @Operation(hidden = true)
  @GET
  public Response getRoot(@PathParam("service") String service) {
    return forward(service, null);
  }

  @Operation(hidden = true)
  @GET
  @Path("{path: .*}")
  public Response get(@PathParam("service") String service) {
    return forward(service, null);
  }

  @Operation(hidden = true)
  @DELETE
  @Path("{path: .*}")
  public Response delete(@PathParam("service") String service) {
    return forward(service, null);
  }

  @Operation(hidden = true)
  @POST
  public Response postRoot(@PathParam("service") String service, InputStream body) {
    return forward(service, body);
  }

  @Operation(hidden = true)
  @POST
  @Path("{path: .*}")
  public Response post(@PathParam("service") String service, InputStream body) {
    return forward(service, body);
  }

  @Operation(hidden = true)
  @PUT
  @Path("{path: .*}")
  public Response put(@PathParam("service") String service, InputStream body) {
    return forward(service, body);
  }

  @Operation(hidden = true)
  @PATCH
  @Path("{path: .*}")
  public Response patch(@PathParam("service") String service, InputStream body) {
    return forward(service, body);
  }

  private Response forward(String service, InputStream body) {
    return proxy.forward(
        request.getMethod(),
        service,
        Incoming.of(servlet, Admission.client(servlet)),
        headers.getRequestHeaders(),
        body,
        servletResponse::flushBuffer);
  }
}
