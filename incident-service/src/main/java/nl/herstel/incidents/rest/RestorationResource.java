package nl.herstel.incidents.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import nl.herstel.incidents.api.IncidentCommands.RecordRestoration;
import nl.herstel.incidents.api.IncidentQueries.ListRestorations;
import nl.herstel.incidents.query.RecoveryRecords;
import nl.herstel.incidents.query.RestorationRecordView;
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

/**
 * Restorations recorded during recovery: actual recovery time against the RTO and actual data loss
 * against the RPO (DOMAIN.md), for the evaluation.
 */
@Path("/{id}/restorations")
@RequestScoped
@Tag(name = "Restorations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RestorationResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;
  @Inject KnownIncidents incidents;

  /**
   * A process restored during recovery.
   *
   * @param dataRestoredTo the point in time the process's data was restored to
   */
  public record RestorationRequest(
      @NotBlank @Size(max = 255) String processId,
      @NotNull Instant restoredAt,
      @NotNull Instant dataRestoredTo) {}

  /** A recorded restoration. */
  public record RestorationAnswer(String incidentId, String processId) {}

  @POST
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM})
  @Operation(
      operationId = "recordRestoration",
      summary = "Record that an affected process was restored",
      description =
          "processId (one of the incident's affected processes), restoredAt (not before the"
              + " disruption, not in the future), dataRestoredTo (not after restoredAt). Stored as"
              + " ProcessRestored with recoveryTime = restoredAt - disruptedAt against the RTO and"
              + " dataLoss = disruptedAt - dataRestoredTo (0 when later) against the RPO; rpo and"
              + " rpoMet are null for incidents opened before the RPO was copied into them. A"
              + " process may be restored again after a relapse. The closure keeps its own"
              + " restorations list.")
  @APIResponse(
      responseCode = "202",
      description = "Stored",
      content = @Content(schema = @Schema(implementation = RestorationAnswer.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(responseCode = "409", description = "The incident is closed")
  @APIResponse(
      responseCode = "422",
      description = "processId is not an affected process, or a time out of range")
  public Response restore(
      @PathParam("id") String id, RestorationRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = KnownIncidents.canonical(id);
    String processId = request.processId().strip();
    send(
        id,
        new RecordRestoration(
            incidentId, processId, request.restoredAt(), request.dataRestoredTo(), Instant.now()));
    return Response.accepted(new RestorationAnswer(incidentId, processId))
        .location(uri.getBaseUriBuilder().path(incidentId).path("restorations").build())
        .build();
  }

  @GET
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "listRestorations",
      summary = "An incident's restorations",
      description =
          "In the order recorded, each with recoveryTime, dataLoss, rto, rpo (ISO-8601"
              + " durations), rtoMet and rpoMet. May lag a moment behind a write.")
  @APIResponse(
      responseCode = "200",
      description = "The restorations",
      content = @Content(schema = @Schema(implementation = Pages.RestorationPage.class)))
  @APIResponse(responseCode = "404", description = "No such incident")
  public Page<RestorationRecordView> restorations(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    String incidentId = incidents.require(id);
    List<RestorationRecordView> rows =
        queries
            .query(
                new ListRestorations(incidentId, after, size),
                ResponseTypes.multipleInstancesOf(RestorationRecordView.class))
            .join();
    return Page.of(rows, size, RecoveryRecords::key, uri, null);
  }

  private void send(String id, Object command) {
    try {
      commands.sendAndWait(command);
    } catch (AggregateNotFoundException unknown) {
      throw new NotFound("Incident", id);
    }
  }
}
