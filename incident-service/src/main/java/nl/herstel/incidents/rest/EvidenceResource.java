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
import java.util.UUID;
import nl.herstel.incidents.api.IncidentCommands.RegisterEvidence;
import nl.herstel.incidents.api.IncidentCommands.TransferEvidence;
import nl.herstel.incidents.api.IncidentCommands.VerifyEvidence;
import nl.herstel.incidents.api.IncidentQueries.FindEvidence;
import nl.herstel.incidents.api.IncidentQueries.ListEvidence;
import nl.herstel.incidents.query.EvidenceView;
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
 * Evidence custody: each item with its SHA-256, who collected it when and where it is kept, every
 * hand-over, and integrity re-verifications. All of it is part of the incident's hash-chained
 * history, so the chain of custody holds up afterwards.
 */
@Path("/{id}/evidence")
@RequestScoped
@Tag(name = "Evidence custody")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvidenceResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;
  @Inject KnownIncidents incidents;

  /** An item taken into custody; its collector is its first custodian. */
  public record EvidenceRequest(
      @NotBlank @Size(max = 100) String sha256,
      @NotBlank @Size(max = 2000) String description,
      @NotBlank @Size(max = 255) String collectedBy,
      @NotNull Instant collectedAt,
      @NotBlank @Size(max = 2000) String storageLocation) {}

  /** A hand-over from the current custodian to another. */
  public record TransferRequest(
      @NotBlank @Size(max = 255) String from,
      @NotBlank @Size(max = 255) String to,
      @NotNull Instant at,
      @NotBlank @Size(max = 2000) String reason) {}

  /** The SHA-256 computed now; {@code verifiedAt} defaults to now. */
  public record VerificationRequest(@NotBlank @Size(max = 100) String sha256, Instant verifiedAt) {}

  /** The registered item's id. */
  public record EvidenceAnswer(String incidentId, String itemId) {}

  /** The result of a re-verification: {@code matches} false flags the item. */
  public record VerificationAnswer(String incidentId, String itemId, boolean matches) {}

  @POST
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM})
  @Operation(
      operationId = "registerEvidence",
      summary = "Take an item of evidence into custody",
      description =
          "sha256 (64 hexadecimal characters, any case; stored lower-case), description,"
              + " collectedBy (the first custodian), collectedAt (not in the future),"
              + " storageLocation. Stored as EvidenceRegistered in the incident's history.")
  @APIResponse(
      responseCode = "202",
      description = "Stored; the answer gives the item's id",
      content = @Content(schema = @Schema(implementation = EvidenceAnswer.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(responseCode = "409", description = "The incident is closed")
  @APIResponse(responseCode = "422", description = "sha256 is no SHA-256 digest; a bad time")
  public Response register(
      @PathParam("id") String id, EvidenceRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = KnownIncidents.canonical(id);
    String itemId = UUID.randomUUID().toString();
    send(
        id,
        new RegisterEvidence(
            incidentId,
            itemId,
            request.sha256(),
            request.description().strip(),
            request.collectedBy().strip(),
            request.collectedAt(),
            request.storageLocation().strip(),
            Instant.now()));
    return Response.accepted(new EvidenceAnswer(incidentId, itemId))
        .location(uri.getBaseUriBuilder().path(incidentId).path("evidence").path(itemId).build())
        .build();
  }

  @POST
  @Path("/{itemId}/transfers")
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM})
  @Operation(
      operationId = "transferEvidence",
      summary = "Hand an item of evidence to another custodian",
      description =
          "from must be the item's current custodian (ignoring case), to someone else; at not"
              + " before the current custody began nor in the future; reason. Stored as"
              + " EvidenceTransferred. The chain of custody outlives the recovery: also after the"
              + " incident closed.")
  @APIResponse(
      responseCode = "202",
      description = "Stored",
      content = @Content(schema = @Schema(implementation = EvidenceAnswer.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(
      responseCode = "422",
      description = "Unknown item (itemId), from is not the custodian, to is, or a bad time")
  public Response transfer(
      @PathParam("id") String id,
      @PathParam("itemId") String itemId,
      TransferRequest request,
      @Context UriInfo uri) {
    validator.check(request);
    String incidentId = KnownIncidents.canonical(id);
    send(
        id,
        new TransferEvidence(
            incidentId,
            itemId,
            request.from().strip(),
            request.to().strip(),
            request.at(),
            request.reason().strip(),
            Instant.now()));
    return Response.accepted(new EvidenceAnswer(incidentId, itemId))
        .location(uri.getBaseUriBuilder().path(incidentId).path("evidence").path(itemId).build())
        .build();
  }

  @POST
  @Path("/{itemId}/verifications")
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM})
  @Operation(
      operationId = "verifyEvidence",
      summary = "Record an integrity re-verification of an item",
      description =
          "sha256 as computed now. A hash that differs from the registered one is recorded,"
              + " not refused (matches=false), and flags the item: its integrity becomes"
              + " MISMATCH. Stored as EvidenceVerified. Also after the incident closed.")
  @APIResponse(
      responseCode = "202",
      description = "Stored; matches tells the outcome",
      content = @Content(schema = @Schema(implementation = VerificationAnswer.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(
      responseCode = "422",
      description = "Unknown item (itemId), or sha256 is no SHA-256 digest")
  public Response verify(
      @PathParam("id") String id,
      @PathParam("itemId") String itemId,
      VerificationRequest request,
      @Context UriInfo uri) {
    validator.check(request);
    String incidentId = KnownIncidents.canonical(id);
    Instant now = Instant.now();
    Boolean matches;
    try {
      matches =
          commands.sendAndWait(
              new VerifyEvidence(
                  incidentId,
                  itemId,
                  request.sha256(),
                  request.verifiedAt() == null ? now : request.verifiedAt(),
                  now));
    } catch (AggregateNotFoundException unknown) {
      throw new NotFound("Incident", id);
    }
    return Response.accepted(
            new VerificationAnswer(incidentId, itemId, Boolean.TRUE.equals(matches)))
        .location(uri.getBaseUriBuilder().path(incidentId).path("evidence").path(itemId).build())
        .build();
  }

  @GET
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "listEvidence",
      summary = "An incident's evidence items",
      description =
          "Each with its current custodian, integrity (UNVERIFIED, INTACT, MISMATCH), transfers"
              + " and verifications, in the order registered. May lag a moment behind a write.")
  @APIResponse(
      responseCode = "200",
      description = "The items",
      content = @Content(schema = @Schema(implementation = Pages.EvidencePage.class)))
  @APIResponse(responseCode = "404", description = "No such incident")
  public Page<EvidenceView> list(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    String incidentId = incidents.require(id);
    List<EvidenceView> rows =
        queries
            .query(
                new ListEvidence(incidentId, after, size),
                ResponseTypes.multipleInstancesOf(EvidenceView.class))
            .join();
    return Page.of(rows, size, EvidenceView::itemId, uri, null);
  }

  @GET
  @Path("/{itemId}")
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "getEvidence",
      summary = "One item of evidence with its full custody chain",
      description = "collectedBy, then every transfer in order, and every verification.")
  @APIResponse(
      responseCode = "200",
      description = "The item",
      content = @Content(schema = @Schema(implementation = EvidenceView.class)))
  @APIResponse(responseCode = "404", description = "No such incident or item (yet)")
  public EvidenceView get(@PathParam("id") String id, @PathParam("itemId") String itemId) {
    String incidentId = incidents.require(id);
    return queries
        .query(
            new FindEvidence(incidentId, itemId),
            ResponseTypes.optionalInstanceOf(EvidenceView.class))
        .join()
        .orElseThrow(() -> new NotFound("itemId", "Evidence item", itemId));
  }

  private void send(String id, Object command) {
    try {
      commands.sendAndWait(command);
    } catch (AggregateNotFoundException unknown) {
      throw new NotFound("Incident", id);
    }
  }
}
