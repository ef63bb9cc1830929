package nl.herstel.incidents.rest;

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
import java.util.List;
import nl.herstel.incidents.api.ImprovementQueries.ListIncidentImprovementActions;
import nl.herstel.incidents.query.IncidentImprovementActions;
import nl.herstel.incidents.rest.NotificationResource.Incidents;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What an incident led to: the improvement actions lessons-service recorded for it (DOMAIN.md,
 * "Improve"), with how far each got.
 */
@Path("/{id}/improvement-actions")
@RequestScoped
@Tag(name = "Incidents")
@Produces(MediaType.APPLICATION_JSON)
public class ImprovementActionResource {
  @Inject QueryGateway queries;

  @GET
  @RolesAllowed({
    Roles.INCIDENT_COMMANDER,
    Roles.RECOVERY_TEAM,
    Roles.MANAGEMENT,
    Roles.AUDITOR,
    Roles.BCM_MANAGER
  })
  @Operation(
      operationId = "listImprovementActionsOfIncident",
      summary = "The improvement actions an incident led to",
      description =
          "As lessons-service published them (ImprovementActionRecorded / Changed), earliest due"
              + " first, each in its newest state: status (OPEN, IN_PROGRESS, DONE, WONT_DO with"
              + " reason), owner, due, priority and what it improves.")
  @APIResponse(
      responseCode = "200",
      description = "The actions",
      content =
          @Content(schema = @Schema(implementation = Pages.IncidentImprovementActionPage.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such incident",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<IncidentImprovementActions.View> list(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    String incidentId = Incidents.existing(queries, id);
    List<IncidentImprovementActions.View> rows =
        queries
            .query(
                new ListIncidentImprovementActions(incidentId, after, size),
                ResponseTypes.multipleInstancesOf(IncidentImprovementActions.View.class))
            .join();
    return Page.of(rows, size, IncidentImprovementActions.View::actionId, uri, null);
  }
}
