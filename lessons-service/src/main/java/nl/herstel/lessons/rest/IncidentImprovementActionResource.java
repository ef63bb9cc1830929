package nl.herstel.lessons.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.herstel.lessons.api.ActionStatus;
import nl.herstel.lessons.api.EvaluationQueries.IsIncidentKnown;
import nl.herstel.lessons.api.ImprovementQueries.ListImprovementActions;
import nl.herstel.lessons.query.ImprovementActionView;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.security.Roles;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The improvement actions that came from one incident, with how far each got. */
@Path("/incidents/{incidentId}/improvement-actions")
@RequestScoped
@Tag(name = "Improvement actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.BCM_MANAGER,
  Roles.INCIDENT_COMMANDER,
  Roles.MANAGEMENT,
  Roles.AUDITOR,
  Roles.PROCESS_OWNER
})
public class IncidentImprovementActionResource {
  @Inject QueryGateway queries;

  @GET
  @Operation(
      operationId = "listIncidentImprovementActions",
      summary = "The improvement actions of an incident",
      description =
          "Earliest due first, in pages of `limit`, with status and notes: which lessons of the"
              + " incident were acted on. `status` narrows it (e.g. DONE).")
  @APIResponse(
      responseCode = "200",
      description = "A page of actions",
      content = @Content(schema = @Schema(implementation = Pages.ImprovementActionPage.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown incident (names incidentId)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<ImprovementActionView> list(
      @PathParam("incidentId") String incidentId,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    if (!queries.query(new IsIncidentKnown(incidentId), Boolean.class).join()) {
      throw new NotFound("incidentId", "Incident", incidentId);
    }
    return ImprovementActionResource.page(
        queries,
        new ListImprovementActions(
            QueryParams.parse("status", status, ActionStatus.class),
            null,
            null,
            null,
            null,
            incidentId,
            null,
            LocalDate.now(ZoneOffset.UTC),
            Page.after(cursor),
            Page.limit(limit)),
        uri);
  }
}
