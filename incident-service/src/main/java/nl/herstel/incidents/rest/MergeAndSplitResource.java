package nl.herstel.incidents.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import nl.herstel.incidents.api.IncidentQueries.IncidentExists;
import nl.herstel.incidents.api.RecoveryCommands.AlertKey;
import nl.herstel.incidents.api.RecoveryCommands.IncidentParts;
import nl.herstel.incidents.api.RecoveryCommands.MergeIncidents;
import nl.herstel.incidents.api.RecoveryCommands.SplitOffIncident;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Merging two incidents that turn out to be one, and splitting alerts off into an incident of their
 * own. Each is one command ({@code MergeIncidents}, {@code SplitOffIncident}) that the command
 * side's merge and split component carries out on both incidents in one transaction.
 */
@Path("/")
@RequestScoped
@Tag(name = "Recovery")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MergeAndSplitResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /** Merge another incident into this one. */
  public record MergeRequest(
      @NotBlank @Size(max = 255) String otherIncidentId,
      @NotBlank @Size(max = 2000) String reason) {}

  /** Split alerts off into a new incident. */
  public record SplitRequest(
      @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid AlertRef> alerts,
      @NotBlank @Size(max = 2000) String reason) {}

  /** An alert by its source and the source's id for it, as posted to the intake. */
  public record AlertRef(
      @NotBlank @Size(max = 100) String source, @NotBlank @Size(max = 200) String sourceId) {}

  /** The incident that absorbed another. */
  public record MergeAnswer(String incidentId, String absorbedIncidentId) {}

  /** The incident alerts were split off into, and the one they left. */
  public record SplitAnswer(String incidentId, String fromIncidentId, int alerts) {}

  @POST
  @Path("/{id}/merge")
  @RolesAllowed(Roles.INCIDENT_COMMANDER)
  @Operation(
      operationId = "mergeIncidents",
      summary = "Merge another incident into this one",
      description =
          "otherIncidentId, reason. The other incident's alerts, assets and disrupted processes"
              + " (with their deadlines) join this one; the other becomes MERGED and takes nothing"
              + " more (a re-sent alert of it answers with this incident). Both histories record"
              + " it (IncidentMergedInto, IncidentAbsorbed), in one transaction: both or"
              + " neither. New alerts on the merged assets correlate into this incident.")
  @APIResponse(
      responseCode = "202",
      description = "Merged",
      content = @Content(schema = @Schema(implementation = MergeAnswer.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed; it is named")
  @APIResponse(responseCode = "404", description = "This or the other incident does not exist")
  @APIResponse(
      responseCode = "409",
      description = "One of them is closed or merged, or this one is dismissed")
  @APIResponse(responseCode = "422", description = "otherIncidentId is this incident")
  public Response merge(@PathParam("id") String id, MergeRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = KnownIncidents.canonical(id);
    String other = request.otherIncidentId().strip();
    String otherId;
    try {
      otherId = UUID.fromString(other).toString();
    } catch (IllegalArgumentException notAUuid) {
      throw new NotFound("otherIncidentId", "Incident", other);
    }
    if (otherId.equals(incidentId)) {
      throw new RuleViolation("otherIncidentId", "An incident cannot be merged into itself");
    }
    if (!exists(incidentId)) {
      throw new NotFound("Incident", id);
    }
    if (!exists(otherId)) {
      throw new NotFound("otherIncidentId", "Incident", other);
    }
    String reason = request.reason().strip();
    commands.sendAndWait(new MergeIncidents(incidentId, otherId, reason));
    return Response.accepted(new MergeAnswer(incidentId, otherId))
        .location(uri.getBaseUriBuilder().path(incidentId).build())
        .build();
  }

  @POST
  @Path("/{id}/split")
  @RolesAllowed(Roles.INCIDENT_COMMANDER)
  @Operation(
      operationId = "splitIncident",
      summary = "Split alerts off into a new incident",
      description =
          "alerts: [{source, sourceId}] (1 to 500), each an alert of this incident other than"
              + " the one that opened it; reason. A new incident opens with them (Location), its"
              + " disruption from their earliest detection, with the assets and disrupted"
              + " processes they brought; this incident keeps its assets and processes. Both"
              + " histories record it (IncidentSplit, IncidentSplitOff), in one transaction. The"
              + " alerts, sent again, answer with the new incident.")
  @APIResponse(
      responseCode = "201",
      description = "Split; Location names the new incident",
      content = @Content(schema = @Schema(implementation = SplitAnswer.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed; it is named")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(responseCode = "409", description = "The incident is closed or merged")
  @APIResponse(
      responseCode = "422",
      description = "An alert is not this incident's, named twice, or the opening one")
  public Response split(@PathParam("id") String id, SplitRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = KnownIncidents.canonical(id);
    if (!exists(incidentId)) {
      throw new NotFound("Incident", id);
    }
    String newId = UUID.randomUUID().toString();
    List<AlertKey> alerts =
        request.alerts().stream()
            .map(a -> new AlertKey(a.source().strip(), a.sourceId().strip()))
            .toList();
    String reason = request.reason().strip();
    IncidentParts parts =
        commands.sendAndWait(new SplitOffIncident(incidentId, newId, alerts, reason));
    return Response.created(uri.getBaseUriBuilder().path(newId).build())
        .entity(new SplitAnswer(newId, incidentId, parts.alerts().size()))
        .build();
  }

  private boolean exists(String incidentId) {
    return queries.query(new IncidentExists(incidentId), Boolean.class).join();
  }
}
