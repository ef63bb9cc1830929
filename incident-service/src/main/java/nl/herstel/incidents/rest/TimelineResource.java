package nl.herstel.incidents.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import nl.herstel.incidents.api.IncidentQueries.FindIncidentHistory;
import nl.herstel.incidents.query.HistoryEntry;
import nl.herstel.incidents.query.Timeline;
import nl.herstel.incidents.query.TimelineEntry;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Problem.FieldError;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One chronological view of everything that happened to an incident: alerts, transitions,
 * decisions, communications, evidence, restorations, costs and whatever else its history holds.
 */
@Path("/{id}/timeline")
@RequestScoped
@Tag(name = "Timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {
  @Inject QueryGateway queries;

  @GET
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "getIncidentTimeline",
      summary = "An incident's timeline",
      description =
          "Every event of the incident in the order it was recorded, read from the event store"
              + " (so it is complete the moment a command answered): sequence, at, type, a"
              + " one-line summary, by (who) and role. Event types without a tailored line get"
              + " their name in words and their first textual fields. format=json answers the"
              + " same as a download (Content-Disposition: attachment).")
  @APIResponse(
      responseCode = "200",
      description = "The timeline, oldest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = TimelineEntry.class)))
  @APIResponse(responseCode = "400", description = "format is not json")
  @APIResponse(responseCode = "404", description = "No such incident")
  public Response timeline(@PathParam("id") String id, @QueryParam("format") String format) {
    if (format != null && !"json".equalsIgnoreCase(format.strip())) {
      throw new InvalidRequest(List.of(new FieldError("format", "must be json")));
    }
    String incidentId = KnownIncidents.canonical(id);
    List<HistoryEntry> history =
        queries
            .query(
                new FindIncidentHistory(incidentId),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class))
            .join();
    if (history.isEmpty()) {
      throw new NotFound("Incident", id);
    }
    Response.ResponseBuilder answer = Response.ok(Timeline.of(history), MediaType.APPLICATION_JSON);
    if (format != null) {
      answer.header(
          HttpHeaders.CONTENT_DISPOSITION,
          "attachment; filename=\"incident-" + incidentId + "-timeline.json\"");
    }
    return answer.build();
  }
}
