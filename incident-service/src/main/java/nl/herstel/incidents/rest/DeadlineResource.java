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
import nl.herstel.incidents.api.IncidentQueries.ListDeadlines;
import nl.herstel.incidents.query.DeadlineProjection;
import nl.herstel.incidents.query.DeadlineView;
import nl.herstel.incidents.rest.NotificationResource.Incidents;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every clock of an incident in one list: how long until each disrupted process's RTO (recovery to
 * an acceptable level) and MTPD (the outage becomes critical) run out, and until each notification
 * is due. What the incident commander watches; DOMAIN.md.
 */
@Path("/{id}/deadlines")
@RequestScoped
@Tag(name = "Notification obligations")
@Produces(MediaType.APPLICATION_JSON)
public class DeadlineResource {
  @Inject QueryGateway queries;

  @GET
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "listIncidentDeadlines",
      summary = "The RTO, MTPD and notification deadlines of an incident",
      description =
          "Soonest first: kind (RTO, MTPD, NOTIFICATION), subject (process id or obligation id),"
              + " name (process or authority), dueAt, remaining and remainingSeconds (negative"
              + " once passed), breached (RecoveryDeadlineBreached or NotificationOverdue is"
              + " recorded) with breachedAt, and state: PENDING, BREACHED, or SETTLED when it no"
              + " longer matters (closed before it passed, notification submitted).")
  @APIResponse(
      responseCode = "200",
      description = "The deadlines",
      content = @Content(schema = @Schema(implementation = Pages.DeadlinePage.class)))
  @APIResponse(responseCode = "404", description = "No such incident")
  public Page<DeadlineView> deadlines(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    String incidentId = Incidents.existing(queries, id);
    List<DeadlineView> rows =
        queries
            .query(
                new ListDeadlines(incidentId, after, size),
                ResponseTypes.multipleInstancesOf(DeadlineView.class))
            .join();
    return Page.of(rows, size, DeadlineProjection::key, uri, null);
  }
}
