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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.herstel.lessons.api.ActionDetails;
import nl.herstel.lessons.api.ActionPriority;
import nl.herstel.lessons.api.ActionStatus;
import nl.herstel.lessons.api.ActionTarget;
import nl.herstel.lessons.api.EvaluationQueries.FindEvaluation;
import nl.herstel.lessons.api.EvaluationQueries.IsIncidentKnown;
import nl.herstel.lessons.api.ImprovementCommands.AddProgressNote;
import nl.herstel.lessons.api.ImprovementCommands.ChangeActionStatus;
import nl.herstel.lessons.api.ImprovementCommands.RecordImprovementAction;
import nl.herstel.lessons.api.ImprovementCommands.ReviseImprovementAction;
import nl.herstel.lessons.api.ImprovementQueries.FindImprovementAction;
import nl.herstel.lessons.api.ImprovementQueries.IsTargetKnown;
import nl.herstel.lessons.api.ImprovementQueries.ListImprovementActions;
import nl.herstel.lessons.query.EvaluationView;
import nl.herstel.lessons.query.ImprovementActionView;
import nl.herstel.lessons.query.ImprovementProjection;
import nl.herstel.lessons.rest.EvaluationResource.Created;
import nl.herstel.lessons.rest.EvaluationResource.Versioned;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.NotPermitted;
import nl.herstel.platform.rest.InvalidRequest;
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
 * Improvement actions (DOMAIN.md, "Improve"): what must get better, in the BIA, a plan or scenario
 * card, a backup policy or training; who does it by when, and how far it got.
 */
@Path("/improvement-actions")
@RequestScoped
@Tag(name = "Improvement actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.BCM_MANAGER,
  Roles.INCIDENT_COMMANDER,
  Roles.MANAGEMENT,
  Roles.AUDITOR,
  Roles.PROCESS_OWNER
})
public class ImprovementActionResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;
  @Context SecurityContext security;

  /** What an action improves. */
  @Schema(name = "ImprovementTarget")
  public record TargetRequest(
      @Schema(
              description =
                  "PROCESS, ASSET, THREAT (BIA), PLAN, SCENARIO_CARD, BACKUP_POLICY,"
                      + " TRAINING (plan-service)")
          @NotNull
          ActionTarget.Kind kind,
      @Schema(description = "Its id; for a scenario card the card's id") @NotBlank @Size(max = 255)
          String id,
      @Schema(description = "For a scenario card, the id of its plan") @Size(max = 255)
          String planId) {
    ActionTarget target() {
      return new ActionTarget(kind, id.strip(), planId == null ? null : planId.strip());
    }
  }

  /** A new improvement action. */
  @Schema(name = "ImprovementActionRequest")
  public record ActionRequest(
      @NotBlank @Size(max = 300) String title,
      @Size(max = 20000) String description,
      @Schema(description = "Who carries it out: their token name") @NotBlank @Size(max = 200)
          String owner,
      @Schema(description = "The day it should be done by (ISO-8601 date)") @NotNull LocalDate due,
      @NotNull ActionPriority priority,
      @NotNull @Valid TargetRequest target,
      @Schema(description = "The incident the lesson came from; optional") @Size(max = 255)
          String incidentId,
      @Schema(description = "The evaluation that agreed on it; optional") @Size(max = 64)
          String evaluationId) {}

  /** A change of an action's details; PATCH leaves out what stays, PUT gives everything. */
  @Schema(name = "ImprovementActionChange")
  public record ChangeRequest(
      @Size(max = 300) String title,
      @Schema(description = "An empty string clears it") @Size(max = 20000) String description,
      @Size(max = 200) String owner,
      LocalDate due,
      ActionPriority priority,
      @Valid TargetRequest target) {}

  /** A move to another status. */
  @Schema(name = "ImprovementActionStatusChange")
  public record StatusRequest(
      @NotNull ActionStatus status,
      @Schema(description = "Why; required for WONT_DO") @Size(max = 5000) String reason) {}

  /** A progress note. */
  @Schema(name = "ImprovementActionNote")
  public record NoteRequest(@NotBlank @Size(max = 5000) String text) {}

  @POST
  @RolesAllowed({Roles.BCM_MANAGER, Roles.INCIDENT_COMMANDER})
  @Operation(
      operationId = "recordImprovementAction",
      summary = "Record an improvement action",
      description =
          "The target must be known to lessons from the service that owns it (the BIA's"
              + " processes, assets and threats; plan-service's plans, scenario cards, backup"
              + " policies and training records): an unknown one is 404 naming target.id. A"
              + " scenario card names its plan in target.planId. incidentId and evaluationId,"
              + " when given, must be known too (404 naming them). Published as"
              + " ImprovementActionRecorded. A rejected request stores nothing.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded; Location names it",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or malformed (names it)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "Unknown target, incident or evaluation (names the field)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response record(ActionRequest request, @Context UriInfo uri) {
    validator.check(request);
    ActionTarget target = requireTarget(request.target());
    String incidentId = request.incidentId();
    if (request.evaluationId() != null) {
      EvaluationView evaluation =
          queries
              .query(
                  new FindEvaluation(request.evaluationId()),
                  ResponseTypes.optionalInstanceOf(EvaluationView.class))
              .join()
              .filter(
                  e -> request.incidentId() == null || e.incidentId().equals(request.incidentId()))
              .orElseThrow(
                  () -> new NotFound("evaluationId", "Evaluation", request.evaluationId()));
      incidentId = evaluation.incidentId();
    } else if (incidentId != null
        && !queries.query(new IsIncidentKnown(incidentId), Boolean.class).join()) {
      throw new NotFound("incidentId", "Incident", incidentId);
    }
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(
        new RecordImprovementAction(
            id,
            new ActionDetails(
                request.title(),
                request.description(),
                request.owner(),
                request.due(),
                request.priority(),
                target),
            incidentId,
            request.evaluationId()));
    return Response.created(uri.getBaseUriBuilder().path("improvement-actions").path(id).build())
        .tag(Versions.tag(0))
        .entity(new Created(id))
        .build();
  }

  @GET
  @Operation(
      operationId = "listImprovementActions",
      summary = "Improvement actions, earliest due first",
      description =
          "Pages of `limit`. Filters: status, owner, priority, targetKind, targetId, incidentId;"
              + " overdue=true keeps the actions past their due date that are neither DONE nor"
              + " WONT_DO (overdue=false the others).")
  @APIResponse(
      responseCode = "200",
      description = "A page of actions",
      content = @Content(schema = @Schema(implementation = Pages.ImprovementActionPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad filter value, limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<ImprovementActionView> list(
      @QueryParam("status") String status,
      @QueryParam("owner") String owner,
      @QueryParam("priority") String priority,
      @QueryParam("targetKind") String targetKind,
      @QueryParam("targetId") String targetId,
      @QueryParam("incidentId") String incidentId,
      @QueryParam("overdue") Boolean overdue,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    return page(
        queries,
        new ListImprovementActions(
            QueryParams.parse("status", status, ActionStatus.class),
            owner,
            QueryParams.parse("priority", priority, ActionPriority.class),
            QueryParams.parse("targetKind", targetKind, ActionTarget.Kind.class),
            targetId,
            incidentId,
            overdue,
            LocalDate.now(ZoneOffset.UTC),
            Page.after(cursor),
            Page.limit(limit)),
        uri);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getImprovementAction",
      summary = "One improvement action with its progress notes",
      description = "The ETag gives its version for If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The action",
      content = @Content(schema = @Schema(implementation = ImprovementActionView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such action",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response get(@PathParam("id") String id) {
    ImprovementActionView action = find(id);
    return Response.ok(action).tag(Versions.tag(action.version())).build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.BCM_MANAGER, Roles.INCIDENT_COMMANDER})
  @Operation(
      operationId = "replaceImprovementAction",
      summary = "Replace an action's details",
      description =
          "title, owner, due, priority and target are required; description optional. If-Match"
              + " (optional) must name the current version; a stale one is 412. A DONE or WONT_DO"
              + " action no longer changes (409). Published as ImprovementActionChanged.")
  @APIResponse(
      responseCode = "200",
      description = "Changed; the body and ETag give the new version",
      content = @Content(schema = @Schema(implementation = Versioned.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or malformed (names it)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such action, or an unknown target (names target.id)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The action is DONE or WONT_DO",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "412",
      description = "If-Match names an older version",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response replace(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ChangeRequest request) {
    validator.check(request);
    List<Problem.FieldError> missing = new java.util.ArrayList<>();
    if (request.title() == null || request.title().isBlank()) {
      missing.add(new Problem.FieldError("title", "must not be blank"));
    }
    if (request.owner() == null || request.owner().isBlank()) {
      missing.add(new Problem.FieldError("owner", "must not be blank"));
    }
    if (request.due() == null) {
      missing.add(new Problem.FieldError("due", "must not be null"));
    }
    if (request.priority() == null) {
      missing.add(new Problem.FieldError("priority", "must not be null"));
    }
    if (request.target() == null) {
      missing.add(new Problem.FieldError("target", "must not be null"));
    }
    if (!missing.isEmpty()) {
      throw new InvalidRequest(missing);
    }
    return change(id, ifMatch, request);
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @RolesAllowed({Roles.BCM_MANAGER, Roles.INCIDENT_COMMANDER})
  @Operation(
      operationId = "changeImprovementAction",
      summary = "Change some of an action's details",
      description =
          "A field left out keeps its value; an empty description clears it. If-Match as for"
              + " PUT. Published as ImprovementActionChanged.")
  @APIResponse(
      responseCode = "200",
      description = "Changed; the body and ETag give the new version",
      content = @Content(schema = @Schema(implementation = Versioned.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is malformed (names it)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such action, or an unknown target (names target.id)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The action is DONE or WONT_DO",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "412",
      description = "If-Match names an older version",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response patch(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ChangeRequest request) {
    validator.check(request);
    return change(id, ifMatch, request);
  }

  @POST
  @Path("/{id}/status")
  @RolesAllowed({Roles.BCM_MANAGER, Roles.INCIDENT_COMMANDER, Roles.PROCESS_OWNER})
  @Operation(
      operationId = "changeImprovementActionStatus",
      summary = "Move an action to another status",
      description =
          "OPEN → IN_PROGRESS → DONE (IN_PROGRESS may go back to OPEN); OPEN or IN_PROGRESS →"
              + " WONT_DO with a reason (422 naming reason without one). DONE and WONT_DO are final"
              + " (409). A process owner may move only the actions they own. If-Match optional"
              + " (412 when stale). Published as ImprovementActionChanged.")
  @APIResponse(
      responseCode = "200",
      description = "Moved; the body and ETag give the new version",
      content = @Content(schema = @Schema(implementation = Versioned.class)))
  @APIResponse(
      responseCode = "403",
      description = "A process owner acting on someone else's action",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Not a move the action can make",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "412",
      description = "If-Match names an older version",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "WONT_DO without a reason",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response status(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, StatusRequest request) {
    validator.check(request);
    Long expected = Versions.ifMatch(ifMatch);
    requireOwnerOrWriter(id);
    long version =
        commands.sendAndWait(
            new ChangeActionStatus(id, request.status(), request.reason(), expected));
    return Response.ok(new Versioned(id, version)).tag(Versions.tag(version)).build();
  }

  @POST
  @Path("/{id}/notes")
  @RolesAllowed({Roles.BCM_MANAGER, Roles.INCIDENT_COMMANDER, Roles.PROCESS_OWNER})
  @Operation(
      operationId = "addImprovementActionNote",
      summary = "Add a progress note to an action",
      description =
          "Notes are appended with who wrote them and when; they are never changed. A process"
              + " owner may add notes only to the actions they own.")
  @APIResponse(
      responseCode = "200",
      description = "Added; the body and ETag give the new version",
      content = @Content(schema = @Schema(implementation = Versioned.class)))
  @APIResponse(
      responseCode = "400",
      description = "No text (names it)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "403",
      description = "A process owner acting on someone else's action",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such action",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response note(@PathParam("id") String id, NoteRequest request) {
    validator.check(request);
    requireOwnerOrWriter(id);
    long version = commands.sendAndWait(new AddProgressNote(id, request.text()));
    return Response.ok(new Versioned(id, version)).tag(Versions.tag(version)).build();
  }

  static Page<ImprovementActionView> page(
      QueryGateway queries, ListImprovementActions query, UriInfo uri) {
    List<ImprovementActionView> rows =
        queries.query(query, ResponseTypes.multipleInstancesOf(ImprovementActionView.class)).join();
    return Page.of(rows, query.limit(), ImprovementProjection::key, uri, null);
  }

  private Response change(String id, String ifMatch, ChangeRequest request) {
    Long expected = Versions.ifMatch(ifMatch);
    ActionTarget target = request.target() == null ? null : requireTarget(request.target());
    long version =
        commands.sendAndWait(
            new ReviseImprovementAction(
                id,
                new ActionDetails(
                    request.title(),
                    request.description(),
                    request.owner(),
                    request.due(),
                    request.priority(),
                    target),
                expected));
    return Response.ok(new Versioned(id, version)).tag(Versions.tag(version)).build();
  }

  private ActionTarget requireTarget(TargetRequest request) {
    ActionTarget target = request.target();
    boolean card = target.kind() == ActionTarget.Kind.SCENARIO_CARD;
    if (card && (target.planId() == null || target.planId().isEmpty())) {
      throw new InvalidRequest(
          List.of(new Problem.FieldError("target.planId", "a scenario card names its plan")));
    }
    if (!card && target.planId() != null) {
      throw new InvalidRequest(
          List.of(new Problem.FieldError("target.planId", "only a scenario card names a plan")));
    }
    if (!queries.query(new IsTargetKnown(target), Boolean.class).join()) {
      throw new NotFound(
          "target.id",
          card ? "Scenario card of plan " + target.planId() : "Target " + target.kind(),
          target.id());
    }
    return target;
  }

  private void requireOwnerOrWriter(String id) {
    if (security.isUserInRole(Roles.BCM_MANAGER)
        || security.isUserInRole(Roles.INCIDENT_COMMANDER)) {
      return;
    }
    ImprovementActionView action = find(id);
    String caller =
        security.getUserPrincipal() == null ? "" : security.getUserPrincipal().getName();
    if (!action.owner().equalsIgnoreCase(caller)) {
      throw new NotPermitted(
          "Only the owner of this action ("
              + action.owner()
              + "), a bcm-manager or an incident commander may change it; you are "
              + caller);
    }
  }

  private ImprovementActionView find(String id) {
    return queries
        .query(
            new FindImprovementAction(id),
            ResponseTypes.optionalInstanceOf(ImprovementActionView.class))
        .join()
        .orElseThrow(() -> new NotFound("Improvement action", id));
  }
}
