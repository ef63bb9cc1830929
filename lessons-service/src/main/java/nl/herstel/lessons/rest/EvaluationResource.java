package nl.herstel.lessons.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.herstel.lessons.api.EvaluationCommands.DraftEvaluation;
import nl.herstel.lessons.api.EvaluationCommands.FinaliseEvaluation;
import nl.herstel.lessons.api.EvaluationCommands.ReviseEvaluation;
import nl.herstel.lessons.api.EvaluationContent;
import nl.herstel.lessons.api.EvaluationQueries.FindEvaluation;
import nl.herstel.lessons.api.EvaluationQueries.IsIncidentKnown;
import nl.herstel.lessons.query.EvaluationView;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.rest.Versions;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The evaluations of one incident (DOMAIN.md, "Continuous learning"): drafts the team edits, then a
 * final version that no longer changes.
 */
@Path("/incidents/{incidentId}/evaluations")
@RequestScoped
@Tag(name = "Evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.BCM_MANAGER,
  Roles.INCIDENT_COMMANDER,
  Roles.MANAGEMENT,
  Roles.AUDITOR,
  Roles.PROCESS_OWNER
})
public class EvaluationResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /** Someone who took part in the evaluation and their role in the incident. */
  @Schema(name = "EvaluationParticipant")
  public record ParticipantRequest(
      @NotBlank @Size(max = 200) String name, @Size(max = 200) String role) {}

  /** An evaluation's content as a client writes it; a draft may leave anything out. */
  @Schema(name = "EvaluationRequest", description = "What the evaluation found")
  public record EvaluationRequest(
      @Schema(description = "What went well") @Size(max = 20000) String wentWell,
      @Schema(description = "Cause and damage (toedracht en schade); required to finalise")
          @Size(max = 20000)
          String causeAndDamage,
      @Schema(description = "What helped the recovery") @Size(max = 20000) String helped,
      @Schema(description = "What hindered the recovery") @Size(max = 20000) String hindered,
      @Schema(description = "Who took part; at least one to finalise") @Size(max = 200)
          List<@NotNull @Valid ParticipantRequest> participants,
      @Schema(description = "The day it was held (ISO-8601 date); required to finalise")
          LocalDate heldOn) {

    EvaluationContent content() {
      return new EvaluationContent(
          wentWell,
          causeAndDamage,
          helped,
          hindered,
          participants == null
              ? List.of()
              : participants.stream()
                  .map(p -> new EvaluationContent.Participant(p.name().strip(), p.role()))
                  .toList(),
          heldOn);
    }
  }

  /** The id of what was created. */
  public record Created(String id) {}

  /** The version a change produced; also the ETag. */
  public record Versioned(String id, long version) {}

  @POST
  @RolesAllowed({Roles.BCM_MANAGER, Roles.INCIDENT_COMMANDER})
  @Operation(
      operationId = "draftEvaluation",
      summary = "Start an evaluation of an incident, as a draft",
      description =
          "The incident must be known to lessons (seen opened or closed). A rejected request"
              + " stores nothing.")
  @APIResponse(
      responseCode = "201",
      description = "Drafted; Location names it",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is malformed (names it)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown incident (names incidentId)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "A rule is broken, e.g. held in the future",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response draft(
      @PathParam("incidentId") String incidentId, EvaluationRequest request, @Context UriInfo uri) {
    validator.check(request);
    requireIncident(incidentId);
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(new DraftEvaluation(id, incidentId, request.content()));
    return Response.created(
            uri.getBaseUriBuilder()
                .path("incidents")
                .path(incidentId)
                .path("evaluations")
                .path(id)
                .build())
        .tag(Versions.tag(0))
        .entity(new Created(id))
        .build();
  }

  @GET
  @Operation(
      operationId = "listIncidentEvaluations",
      summary = "The evaluations of an incident",
      description = "Newest first, in pages of `limit`; `status` (DRAFT, FINAL) narrows it.")
  @APIResponse(
      responseCode = "200",
      description = "A page of evaluations",
      content = @Content(schema = @Schema(implementation = Pages.EvaluationPage.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown incident (names incidentId)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<EvaluationView> list(
      @PathParam("incidentId") String incidentId,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    requireIncident(incidentId);
    return EvaluationListResource.page(queries, status, incidentId, limit, cursor, uri);
  }

  @GET
  @Path("/{evaluationId}")
  @Operation(
      operationId = "getEvaluation",
      summary = "One evaluation",
      description = "The ETag gives its version for If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The evaluation",
      content = @Content(schema = @Schema(implementation = EvaluationView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such evaluation of this incident",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response get(
      @PathParam("incidentId") String incidentId, @PathParam("evaluationId") String evaluationId) {
    EvaluationView evaluation = find(incidentId, evaluationId);
    return Response.ok(evaluation).tag(Versions.tag(evaluation.version())).build();
  }

  @PUT
  @Path("/{evaluationId}")
  @RolesAllowed({Roles.BCM_MANAGER, Roles.INCIDENT_COMMANDER})
  @Operation(
      operationId = "reviseEvaluation",
      summary = "Replace a draft evaluation's content",
      description =
          "If-Match (optional) must name the current version (ETag); a stale one is 412. A final"
              + " evaluation cannot change (409).")
  @APIResponse(
      responseCode = "200",
      description = "Revised; the body and ETag give the new version",
      content = @Content(schema = @Schema(implementation = Versioned.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is malformed (names it)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such evaluation of this incident",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The evaluation is final",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "412",
      description = "If-Match names an older version",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response revise(
      @PathParam("incidentId") String incidentId,
      @PathParam("evaluationId") String evaluationId,
      @HeaderParam("If-Match") String ifMatch,
      EvaluationRequest request) {
    validator.check(request);
    Long expected = Versions.ifMatch(ifMatch);
    long version =
        commands.sendAndWait(
            new ReviseEvaluation(evaluationId, incidentId, request.content(), expected));
    return Response.ok(new Versioned(evaluationId, version)).tag(Versions.tag(version)).build();
  }

  @POST
  @Path("/{evaluationId}/finalise")
  @RolesAllowed({Roles.BCM_MANAGER, Roles.INCIDENT_COMMANDER})
  @Operation(
      operationId = "finaliseEvaluation",
      summary = "Make a draft evaluation final",
      description =
          "A final evaluation states the cause and damage, the day it was held and at least one"
              + " participant (422 naming the missing field); who finalised it and when are kept."
              + " If-Match (optional) as for a revision. Finalising twice is 409.")
  @APIResponse(
      responseCode = "200",
      description = "Final; the body and ETag give the new version",
      content = @Content(schema = @Schema(implementation = Versioned.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such evaluation of this incident",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Already final",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "412",
      description = "If-Match names an older version",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "Something a final evaluation needs is missing (names it)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response finalise(
      @PathParam("incidentId") String incidentId,
      @PathParam("evaluationId") String evaluationId,
      @HeaderParam("If-Match") String ifMatch) {
    Long expected = Versions.ifMatch(ifMatch);
    long version = commands.sendAndWait(new FinaliseEvaluation(evaluationId, incidentId, expected));
    return Response.ok(new Versioned(evaluationId, version)).tag(Versions.tag(version)).build();
  }

  private EvaluationView find(String incidentId, String evaluationId) {
    return queries
        .query(
            new FindEvaluation(evaluationId),
            ResponseTypes.optionalInstanceOf(EvaluationView.class))
        .join()
        .filter(e -> e.incidentId().equals(incidentId))
        .orElseThrow(() -> new NotFound("Evaluation", evaluationId));
  }

  private void requireIncident(String incidentId) {
    if (!queries.query(new IsIncidentKnown(incidentId), Boolean.class).join()) {
      throw new NotFound("incidentId", "Incident", incidentId);
    }
  }
}
