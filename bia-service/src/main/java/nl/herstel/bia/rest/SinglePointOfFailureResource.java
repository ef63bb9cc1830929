package nl.herstel.bia.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import nl.herstel.bia.api.BiaQueries.SinglePointsOfFailure;
import nl.herstel.bia.query.GraphViews.SinglePointOfFailure;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
              + " strictest MTPD. The first limit (default 100, at most 10000) assets; the header"
              + " X-Total-Count gives how many there are.")
  @APIResponse(responseCode = "422", description = "limit outside 1..10000")
  @APIResponse(
      responseCode = "200",
      description = "The single points of failure; X-Total-Count says how many there are",
      content =
          @Content(
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = SinglePointOfFailure.class)))
  public Response list(@QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > 10000) {
      throw new RuleViolation("limit", "limit must be between 1 and 10000");
    }
    List<SinglePointOfFailure> all =
        queries
            .query(
                new SinglePointsOfFailure(),
                ResponseTypes.multipleInstancesOf(SinglePointOfFailure.class))
            .join();
    return Response.ok(all.subList(0, Math.min(limit, all.size())))
        .header("X-Total-Count", all.size())
        .build();
  }
}
