package nl.herstel.bia.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import nl.herstel.bia.api.BiaQueries.SinglePointsOfFailure;
import nl.herstel.bia.query.GraphViews.SinglePointOfFailure;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Single points of failure: assets whose failure alone takes down a critical process. */
@Path("/single-points-of-failure")
@RequestScoped
@Tag(name = "Priorities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.BCM_MANAGER,
  Roles.PROCESS_OWNER,
  Roles.PLAN_OWNER,
  Roles.INCIDENT_COMMANDER,
  Roles.RECOVERY_TEAM,
  Roles.MANAGEMENT,
  Roles.AUDITOR
})
public class SinglePointOfFailureResource {
  @Inject QueryGateway queries;

  @GET
  @Operation(
      operationId = "listSinglePointsOfFailure",
      summary = "Assets whose failure alone disrupts a critical process",
      description =
          "Per asset the critical processes that fail with it, because no alternative covers it"
              + " anywhere on the way (dependencies sharing an alternativeGroup are alternatives)."
              + " Assets that take down the most critical processes come first, then by the"
              + " strictest MTPD. Pages of `limit` (1–1000, default 50) of the list computed from"
              + " the current graph; follow `next` (a change to the graph between pages may move"
              + " an asset across a page boundary).")
  @APIResponse(responseCode = "400", description = "A bad limit or cursor")
  @APIResponse(
      responseCode = "200",
      description = "A page of the single points of failure",
      content = @Content(schema = @Schema(implementation = Pages.SinglePointOfFailurePage.class)))
  public Page<SinglePointOfFailure> list(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    List<SinglePointOfFailure> rows =
        queries
            .query(
                new SinglePointsOfFailure(after, size),
                ResponseTypes.multipleInstancesOf(SinglePointOfFailure.class))
            .join();
    return Page.ofWindow(rows, after, size, uri, null);
  }
}
