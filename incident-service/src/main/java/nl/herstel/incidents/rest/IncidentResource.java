package nl.herstel.incidents.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.herstel.incidents.api.IncidentCommands.CloseIncident;
import nl.herstel.incidents.api.IncidentCommands.RecordDecision;
import nl.herstel.incidents.api.IncidentCommands.TransitionIncident;
import nl.herstel.incidents.api.IncidentEvents.Restoration;
import nl.herstel.incidents.api.IncidentQueries.FindIncident;
import nl.herstel.incidents.api.IncidentQueries.IncidentExists;
import nl.herstel.incidents.api.IncidentQueries.IncidentHistoryPage;
import nl.herstel.incidents.api.IncidentQueries.ListIncidents;
import nl.herstel.incidents.api.IncidentStatus;
import nl.herstel.incidents.query.HistoryEntry;
import nl.herstel.incidents.query.IncidentProjection;
import nl.herstel.incidents.query.IncidentView;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Incidents: what they disrupt, their closure with restorations, and their audit trail. */
@Path("/")
@RequestScoped
@Tag(name = "Incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentResource {

  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /**
   * The end of the recovery operation.
   *
   * @param restorations when each disrupted process was restored; each must be one of the
   *     incident's affected processes
   * @param summary what happened and how it was resolved
   */
  public record ClosureRequest(
      @NotNull @Size(max = 500) List<@NotNull @Valid RestorationRequest> restorations,
      @Size(max = 10000) String summary) {}

  /** When a process was restored to an acceptable level. */
  public record RestorationRequest(
      @NotBlank @Size(max = 255) String processId, @NotNull Instant restoredAt) {}

  /** The states a commander may move an incident to; CLOSED goes through the closure. */
  public enum TransitionTarget {
    TRIAGED,
    PLAN_ACTIVATED,
    RECOVERING,
    RECOVERED,
    DISMISSED
  }

  /**
   * A lifecycle transition.
   *
   * @param to the new state
   * @param reason why; recorded with who made the transition
   */
  public record TransitionRequest(
      @NotNull TransitionTarget to, @NotBlank @Size(max = 2000) String reason) {}

  /**
   * A decision in the BOB structure (beeldvorming, oordeelsvorming, besluitvorming).
   *
   * @param picture the facts known and those still unknown
   * @param judgement the options weighed and the risks of each
   * @param decision what was decided, why, and under which mandate
   */
  public record DecisionRequest(
      @NotNull @Valid PictureRequest picture,
      @NotNull @Valid JudgementRequest judgement,
      @NotNull @Valid DecisionBody decision) {}

  /** What is known (at least one fact) and what is not. */
  public record PictureRequest(
      @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 2000) String> known,
      @NotNull @Size(max = 100) List<@NotBlank @Size(max = 2000) String> unknown) {}

  /** The options weighed (at least one) and their risks. */
  public record JudgementRequest(
      @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 2000) String> options,
      @NotNull @Size(max = 100) List<@NotBlank @Size(max = 2000) String> risks) {}

  /** What was decided, why, and under which mandate (e.g. the crisis plan's role). */
  public record DecisionBody(
      @NotBlank @Size(max = 2000) String what,
      @NotBlank @Size(max = 10000) String rationale,
      @NotBlank @Size(max = 500) String mandate) {}

  /** The recorded decision's id. */
  public record DecisionAnswer(String incidentId, String decisionId) {}

  /** Where an incident stands after a change. */
  public record StatusAnswer(String incidentId, String status) {}

  @GET
  @RolesAllowed({
    Roles.INCIDENT_COMMANDER,
    Roles.RECOVERY_TEAM,
    Roles.MANAGEMENT,
    Roles.AUDITOR,
    Roles.BCM_MANAGER,
    Roles.SOC_INTAKE
  })
  @Operation(
      operationId = "listIncidents",
      summary = "List incidents, newest first",
      description =
          "Pages of `limit` (1–1000, default 50) by opening time, newest first; follow `next` to"
              + " reach the oldest.")
  @APIResponse(
      responseCode = "200",
      description = "A page of incidents",
      content = @Content(schema = @Schema(implementation = Pages.IncidentPage.class)))
  @APIResponse(responseCode = "400", description = "A bad limit or cursor")
  public Page<IncidentView> list(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    List<IncidentView> rows =
        queries
            .query(
                new ListIncidents(Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(IncidentView.class))
            .join();
    return Page.of(rows, size, IncidentProjection::key, uri, null);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({
    Roles.INCIDENT_COMMANDER,
    Roles.RECOVERY_TEAM,
    Roles.MANAGEMENT,
    Roles.AUDITOR,
    Roles.BCM_MANAGER,
    Roles.SOC_INTAKE
  })
  @Operation(
      operationId = "getIncident",
      summary = "One incident",
      description =
          "With its assets (resolved and unresolved), the affected processes with RTO, MTPD and"
              + " their deadlines, and the restorations once closed. An incident just reported"
              + " may take a moment to appear.")
  @APIResponse(
      responseCode = "200",
      description = "The incident",
      content = @Content(schema = @Schema(implementation = IncidentView.class)))
  @APIResponse(responseCode = "404", description = "No such incident (yet)")
  public IncidentView get(@PathParam("id") String id) {
    return queries
        .query(new FindIncident(id), ResponseTypes.optionalInstanceOf(IncidentView.class))
        .join()
        .orElseThrow(() -> new NotFound("Incident", id));
  }

  @POST
  @Path("/{id}/closure")
  @RolesAllowed(Roles.INCIDENT_COMMANDER)
  @Operation(
      operationId = "closeIncident",
      summary = "Close an incident",
      description =
          "Ends the recovery operation. Each restoration names one of the incident's affected"
              + " processes, once, restored not before the disruption and not in the future"
              + " (5 minutes' tolerance). Allowed from every state but CLOSED: closure records"
              + " the end of the operation whatever the lifecycle reached, so a dismissed false"
              + " positive closes without restorations. The incident shows CLOSED shortly after.")
  @APIResponse(
      responseCode = "202",
      description = "Closed and stored; Location names the incident",
      content = @Content(schema = @Schema(implementation = StatusAnswer.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(responseCode = "409", description = "The incident is already closed")
  @APIResponse(
      responseCode = "422",
      description = "A restoration names a process the incident does not disrupt, or a bad time")
  public Response close(@PathParam("id") String id, ClosureRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = existingId(id);
    try {
      commands.sendAndWait(
          new CloseIncident(
              incidentId,
              request.restorations().stream()
                  .map(r -> new Restoration(r.processId().strip(), r.restoredAt()))
                  .toList(),
              request.summary(),
              Instant.now()));
    } catch (AggregateNotFoundException unknown) {
      throw new NotFound("Incident", id);
    }
    return Response.accepted(new StatusAnswer(incidentId, IncidentStatus.CLOSED.name()))
        .location(uri.getBaseUriBuilder().path(incidentId).build())
        .build();
  }

  @POST
  @Path("/{id}/transitions")
  @RolesAllowed(Roles.INCIDENT_COMMANDER)
  @Operation(
      operationId = "transitionIncident",
      summary = "Move an incident along its lifecycle",
      description =
          "Allowed: REPORTED → TRIAGED or DISMISSED; TRIAGED → PLAN_ACTIVATED, RECOVERING or"
              + " DISMISSED; PLAN_ACTIVATED → RECOVERING or DISMISSED; RECOVERING → RECOVERED;"
              + " RECOVERED → RECOVERING (relapse); DISMISSED → TRIAGED (dismissal taken back)."
              + " CLOSED is reached only through POST /{id}/closure, which is allowed from every"
              + " state but CLOSED (a dismissed false positive is closed without restorations)."
              + " Every transition records who made it, under which role, and why; the incident"
              + " lists them under transitions.")
  @APIResponse(
      responseCode = "202",
      description = "Stored; the answer gives the new state",
      content = @Content(schema = @Schema(implementation = StatusAnswer.class)))
  @APIResponse(responseCode = "400", description = "to or reason missing or unknown")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(responseCode = "409", description = "The incident is closed")
  @APIResponse(responseCode = "422", description = "The current state does not allow this one")
  public Response transition(
      @PathParam("id") String id, TransitionRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = existingId(id);
    IncidentStatus to = IncidentStatus.valueOf(request.to().name());
    try {
      commands.sendAndWait(new TransitionIncident(incidentId, to, request.reason().strip()));
    } catch (AggregateNotFoundException unknown) {
      throw new NotFound("Incident", id);
    }
    return Response.accepted(new StatusAnswer(incidentId, to.name()))
        .location(uri.getBaseUriBuilder().path(incidentId).build())
        .build();
  }

  @POST
  @Path("/{id}/decisions")
  @RolesAllowed(Roles.INCIDENT_COMMANDER)
  @Operation(
      operationId = "recordIncidentDecision",
      summary = "Log a decision in the BOB structure",
      description =
          "picture {known[] (at least one), unknown[]}, judgement {options[] (at least one),"
              + " risks[]}, decision {what, rationale, mandate}. Who decided, under which role and"
              + " when is recorded from the caller; the incident lists its decisions, oldest"
              + " first, and its history holds each as DecisionRecorded.")
  @APIResponse(
      responseCode = "202",
      description = "Stored; the answer gives the decision's id",
      content = @Content(schema = @Schema(implementation = DecisionAnswer.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed; it is named")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(responseCode = "409", description = "The incident is closed")
  public Response decide(
      @PathParam("id") String id, DecisionRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = existingId(id);
    String decisionId = UUID.randomUUID().toString();
    try {
      commands.sendAndWait(
          new RecordDecision(
              incidentId,
              decisionId,
              strip(request.picture().known()),
              strip(request.picture().unknown()),
              strip(request.judgement().options()),
              strip(request.judgement().risks()),
              request.decision().what().strip(),
              request.decision().rationale().strip(),
              request.decision().mandate().strip()));
    } catch (AggregateNotFoundException unknown) {
      throw new NotFound("Incident", id);
    }
    return Response.accepted(new DecisionAnswer(incidentId, decisionId))
        .location(uri.getBaseUriBuilder().path(incidentId).build())
        .build();
  }

  private static List<String> strip(List<String> texts) {
    return texts.stream().map(String::strip).toList();
  }

  @GET
  @Path("/{id}/history")
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.AUDITOR, Roles.MANAGEMENT})
  @Operation(
      operationId = "getIncidentHistory",
      summary = "Every stored event of an incident",
      description =
          "Read from the event store, in order: each event's type, time, who caused it under"
              + " which role, its correlation and causation ids, the source system and content."
              + " Pages of `limit`; follow `next`.")
  @APIResponse(
      responseCode = "200",
      description = "A page of the events, oldest first",
      content = @Content(schema = @Schema(implementation = Pages.IncidentHistoryEntryPage.class)))
  @APIResponse(responseCode = "400", description = "A bad limit or cursor")
  @APIResponse(responseCode = "404", description = "No such incident")
  public Page<HistoryEntry> history(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    List<HistoryEntry> history =
        queries
            .query(
                new IncidentHistoryPage(id, after, size),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class))
            .join();
    if (history.isEmpty() && !queries.query(new IncidentExists(id), Boolean.class).join()) {
      throw new NotFound("Incident", id);
    }
    return Page.ofWindow(history, after, size, uri, null);
  }

  /** Incident ids are UUIDs; anything else cannot name an incident. */
  private static String existingId(String id) {
    try {
      return UUID.fromString(id).toString();
    } catch (IllegalArgumentException notAUuid) {
      throw new NotFound("Incident", id);
    }
  }
}
