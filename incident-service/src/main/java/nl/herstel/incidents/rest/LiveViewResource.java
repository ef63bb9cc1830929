package nl.herstel.incidents.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import nl.herstel.incidents.api.IncidentQueries.FindIncidentHistory;
import nl.herstel.incidents.query.HistoryEntry;
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

/** The live view: an incident's new events as server-sent events, for dashboards. */
@Path("/{id}/stream")
@RequestScoped
@Tag(name = "Live view")
public class LiveViewResource {
  @Inject QueryGateway queries;
  @Inject IncidentBroadcaster broadcaster;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "streamIncident",
      summary = "Follow an incident's events live (text/event-stream)",
      description =
          "First an event named subscribed, then every new event of the incident: the SSE id is"
              + " its sequence number, the name its type, the data the same JSON as one entry of"
              + " /{id}/history. A reconnect with the Last-Event-ID header (a sequence number, -1"
              + " for everything) first gets the stored events after it, then continues live,"
              + " nothing missed nor repeated. A comment line every 15 seconds keeps the stream"
              + " open.")
  @APIResponse(
      responseCode = "200",
      description = "The stream",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "400", description = "Last-Event-ID is not a sequence number")
  @APIResponse(responseCode = "404", description = "No such incident")
  public void stream(
      @PathParam("id") String id,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    long after = after(lastEventId);
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
    if (lastEventId == null) {
      after = history.get(history.size() - 1).sequence();
    }
    broadcaster.subscribe(incidentId, sink, sse, after);
  }

  private static long after(String lastEventId) {
    if (lastEventId == null) {
      return Long.MAX_VALUE;
    }
    try {
      long value = Long.parseLong(lastEventId.strip());
      if (value >= -1) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // answered below, like a number out of range
    }
    throw new InvalidRequest(
        List.of(new FieldError("Last-Event-ID", "must be an event sequence number, -1 or more")));
  }
}
