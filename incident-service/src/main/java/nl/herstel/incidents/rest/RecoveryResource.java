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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.herstel.incidents.api.IncidentCategory;
import nl.herstel.incidents.api.IncidentQueries.IncidentExists;
import nl.herstel.incidents.api.IncidentStatus;
import nl.herstel.incidents.api.PlanQueries.FindActivatedPlan;
import nl.herstel.incidents.api.PlanQueries.FindPlan;
import nl.herstel.incidents.api.PlanQueries.ListRecoveryTasks;
import nl.herstel.incidents.api.PlanQueries.ProposePlans;
import nl.herstel.incidents.api.RecoveryCommands.AbsorbIncident;
import nl.herstel.incidents.api.RecoveryCommands.ActivatePlan;
import nl.herstel.incidents.api.RecoveryCommands.ActivationAnswer;
import nl.herstel.incidents.api.RecoveryCommands.AddRecoveryTask;
import nl.herstel.incidents.api.RecoveryCommands.AlertKey;
import nl.herstel.incidents.api.RecoveryCommands.AssignRecoveryTask;
import nl.herstel.incidents.api.RecoveryCommands.CardSteps;
import nl.herstel.incidents.api.RecoveryCommands.ChangeRecoveryTaskStatus;
import nl.herstel.incidents.api.RecoveryCommands.ClassifyIncident;
import nl.herstel.incidents.api.RecoveryCommands.IncidentParts;
import nl.herstel.incidents.api.RecoveryCommands.MergeIntoIncident;
import nl.herstel.incidents.api.RecoveryCommands.OpenSplitIncident;
import nl.herstel.incidents.api.RecoveryCommands.SplitIncident;
import nl.herstel.incidents.api.RecoveryTaskStatus;
import nl.herstel.incidents.query.ActivatedPlanView;
import nl.herstel.incidents.query.PlanCopyView;
import nl.herstel.incidents.query.PlanProposal;
import nl.herstel.incidents.query.RecoveryTaskView;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.NotPermitted;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.messaging.CallContext;
import nl.herstel.platform.messaging.Caller;
import nl.herstel.platform.rest.Problem;
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
 * Running the recovery of an incident: its category, the proposed recovery plans, activating one
 * under the plan's mandate, the recovery tasks from its scenario card, and merging and splitting
 * incidents (DOMAIN.md, step 2: activation, execution, termination; scenario cards).
 */
@Path("/")
@RequestScoped
@Tag(name = "Recovery")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecoveryResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;
  @Inject Database database;

  /** What kind of incident this is, and why the commander thinks so. */
  public record ClassificationRequest(
      @NotNull IncidentCategory category, @Size(max = 2000) String reason) {}

  /**
   * Activate a plan.
   *
   * @param scenarioCardId the card whose steps become recovery tasks (see the proposal); none: the
   *     plan is activated without tasks
   */
  public record ActivationRequest(
      @NotBlank @Size(max = 255) String planId,
      @Size(min = 1, max = 300) String scenarioCardId,
      @NotBlank @Size(max = 2000) String reason) {}

  /** An ad-hoc recovery task. */
  public record TaskRequest(
      @NotBlank @Size(max = 500) String title,
      @Size(min = 1, max = 255) String assigneeRole,
      @Size(min = 1, max = 255) String assignee) {}

  /** Who a task is given to: a person or a team. */
  public record AssignmentRequest(@NotBlank @Size(max = 255) String assignee) {}

  /** A task's new status, with a note (e.g. what it waits for when BLOCKED). */
  public record TaskStatusRequest(
      @NotNull RecoveryTaskStatus status, @Size(max = 2000) String note) {}

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

  /** The incident's new category. */
  public record ClassificationAnswer(String incidentId, IncidentCategory category) {}

  /** The activated plan, under which mandate, and the tasks its card's steps became. */
  public record ActivationAnswerBody(
      String incidentId,
      String planId,
      int planVersion,
      String scenarioCardId,
      String mandate,
      IncidentStatus status,
      List<String> taskIds) {}

  /** A created or changed task. */
  public record TaskAnswer(String incidentId, String taskId) {}

  /** The incident that absorbed another. */
  public record MergeAnswer(String incidentId, String absorbedIncidentId) {}

  /** The incident alerts were split off into, and the one they left. */
  public record SplitAnswer(String incidentId, String fromIncidentId, int alerts) {}

  @POST
  @Path("/{id}/classification")
  @RolesAllowed(Roles.INCIDENT_COMMANDER)
  @Operation(
      summary = "Classify an incident",
      description =
          "category: one of RANSOMWARE, MALWARE, DDOS, DATA_BREACH, PHISHING, INTERNET_OUTAGE,"
              + " POWER_OUTAGE, FIRE, FLOOD, SUPPLIER_FAILURE, HUMAN_ERROR, OTHER (the threats of"
              + " the threat analysis); reason optional. The category picks the scenario cards"
              + " the plan proposal marks as fitting. Classifying again replaces it; the same"
              + " category again changes nothing.")
  @APIResponse(responseCode = "202", description = "Stored")
  @APIResponse(responseCode = "400", description = "category missing or unknown")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(responseCode = "409", description = "The incident is closed or merged")
  public Response classify(
      @PathParam("id") String id, ClassificationRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = existingId(id);
    send(
        id,
        () ->
            commands.sendAndWait(
                new ClassifyIncident(incidentId, request.category(), strip(request.reason()))));
    return Response.accepted(new ClassificationAnswer(incidentId, request.category()))
        .location(uri.getBaseUriBuilder().path(incidentId).build())
        .build();
  }

  @GET
  @Path("/{id}/plan-proposal")
  @RolesAllowed({
    Roles.INCIDENT_COMMANDER,
    Roles.RECOVERY_TEAM,
    Roles.MANAGEMENT,
    Roles.AUDITOR,
    Roles.BCM_MANAGER
  })
  @Operation(
      summary = "The recovery plans proposed for an incident",
      description =
          "The published plans covering at least one of the incident's disrupted processes,"
              + " best first (rank 1): plans with a scenario card fitting the incident's category"
              + " first, then those covering more disrupted processes, then the one covering the"
              + " most urgent process (earliest RTO deadline). Each plan lists who may activate it"
              + " (mandate; the incident commander when the plan names no role), the disrupted"
              + " processes it covers, its scenario cards (fitting ones first, with fits=true) and"
              + " why it has its rank. Plans come from plan-service's published events and may"
              + " take a moment to appear.")
  @APIResponse(responseCode = "200", description = "The proposal; plans may be empty")
  @APIResponse(responseCode = "404", description = "No such incident (yet)")
  public PlanProposal proposal(@PathParam("id") String id) {
    String incidentId = existingId(id);
    return queries
        .query(new ProposePlans(incidentId), ResponseTypes.optionalInstanceOf(PlanProposal.class))
        .join()
        .orElseThrow(() -> new NotFound("Incident", id));
  }

  @GET
  @Path("/{id}/plan")
  @RolesAllowed({
    Roles.INCIDENT_COMMANDER,
    Roles.RECOVERY_TEAM,
    Roles.MANAGEMENT,
    Roles.AUDITOR,
    Roles.BCM_MANAGER
  })
  @Operation(
      operationId = "getActivatedPlan",
      summary = "The recovery plan activated on an incident",
      description =
          "The plan of the incident's latest activation as the recovery team needs it at hand:"
              + " the call tree in escalation order with each person's channels (outOfBand marks"
              + " those that work with the network down), the teams with members and deputies, the"
              + " decision mandates, activation and termination criteria, the activated scenario"
              + " card and all cards with their steps (role, expected duration, dependencies).")
  @APIResponse(
      responseCode = "200",
      description = "The activated plan",
      content = @Content(schema = @Schema(implementation = ActivatedPlanView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such incident, or no plan activated on it",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public ActivatedPlanView activatedPlan(@PathParam("id") String id) {
    String incidentId = existingId(id);
    return queries
        .query(
            new FindActivatedPlan(incidentId),
            ResponseTypes.optionalInstanceOf(ActivatedPlanView.class))
        .join()
        .orElseThrow(() -> new NotFound("Activated plan of incident", id));
  }

  @POST
  @Path("/{id}/activation")
  @RolesAllowed({
    Roles.INCIDENT_COMMANDER,
    Roles.MANAGEMENT,
    Roles.BCM_MANAGER,
    Roles.PLAN_OWNER,
    Roles.PROCESS_OWNER,
    Roles.RECOVERY_TEAM
  })
  @Operation(
      summary = "Activate a recovery plan",
      description =
          "planId: a published plan; scenarioCardId (optional): one of its cards, whose steps"
              + " become recovery tasks for the recovery team, in order; reason. Only a caller"
              + " holding a role the plan mandates may activate it (the incident commander when"
              + " the plan names none): anyone else gets 403, and the refused attempt is recorded"
              + " in the incident's history (PlanActivationRefused). The incident must be TRIAGED;"
              + " it becomes PLAN_ACTIVATED, with the transition recorded.")
  @APIResponse(responseCode = "202", description = "Activated; the answer lists the new task ids")
  @APIResponse(responseCode = "400", description = "A field is missing or malformed; it is named")
  @APIResponse(responseCode = "403", description = "The caller holds no role the plan mandates")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(
      responseCode = "409",
      description = "The incident is not TRIAGED (e.g. still REPORTED, or already activated)")
  @APIResponse(
      responseCode = "422",
      description = "planId names no published plan, or scenarioCardId no card of it")
  public Response activate(
      @PathParam("id") String id,
      ActivationRequest request,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    validator.check(request);
    String incidentId = existingId(id);
    String planId = request.planId().strip();
    PlanCopyView plan =
        queries
            .query(new FindPlan(planId), ResponseTypes.optionalInstanceOf(PlanCopyView.class))
            .join()
            .orElseThrow(
                () -> new RuleViolation("planId", "No published plan '" + planId + "' is known"));
    CardSteps card = null;
    if (request.scenarioCardId() != null) {
      String cardId = request.scenarioCardId().strip();
      PlanCopyView.Card found = plan.card(cardId);
      if (found == null) {
        throw new RuleViolation(
            "scenarioCardId",
            "Plan '"
                + plan.name()
                + "' has no scenario card '"
                + cardId
                + "'; it has: "
                + plan.cards().stream()
                    .map(PlanCopyView.Card::scenarioCardId)
                    .collect(Collectors.joining(", ")));
      }
      card =
          new CardSteps(
              found.scenarioCardId(),
              found.scenario(),
              found.title(),
              found.steps(),
              IntStream.range(0, found.steps().size()).mapToObj(found::role).toList());
    }
    String mandate =
        plan.mandate().stream().filter(security::isUserInRole).findFirst().orElse(null);
    List<String> taskIds =
        IntStream.range(0, card == null ? 0 : card.steps().size())
            .mapToObj(i -> UUID.randomUUID().toString())
            .toList();
    ActivatePlan command =
        new ActivatePlan(
            incidentId,
            plan.planId(),
            plan.version(),
            plan.name(),
            plan.mandate(),
            mandate,
            CallContext.current().map(Caller::role).orElse(""),
            card,
            taskIds,
            request.reason().strip());
    ActivationAnswer answer = send(id, () -> commands.sendAndWait(command));
    if (answer.refused()) {
      // the refusal is already stored: the command committed before this answer
      throw new NotPermitted(
          "Plan '"
              + plan.name()
              + "' may be activated only by: "
              + String.join(", ", plan.mandate())
              + ". The attempt is recorded.");
    }
    return Response.accepted(
            new ActivationAnswerBody(
                incidentId,
                plan.planId(),
                plan.version(),
                card == null ? null : card.scenarioCardId(),
                mandate,
                IncidentStatus.PLAN_ACTIVATED,
                answer.taskIds()))
        .location(uri.getBaseUriBuilder().path(incidentId).path("tasks").build())
        .build();
  }

  @GET
  @Path("/{id}/tasks")
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      summary = "The recovery tasks of an incident",
      description =
          "In the order they were created: the scenario card's steps (stepNo) first, then ad-hoc"
              + " tasks. Each with assignee role and person, status, last note, and when and by"
              + " whom it was created, started (first IN_PROGRESS), done and last updated.")
  @APIResponse(responseCode = "200", description = "The tasks, possibly none")
  @APIResponse(responseCode = "404", description = "No such incident")
  public List<RecoveryTaskView> tasks(@PathParam("id") String id) {
    String incidentId = existingId(id);
    List<RecoveryTaskView> tasks =
        queries
            .query(
                new ListRecoveryTasks(incidentId),
                ResponseTypes.multipleInstancesOf(RecoveryTaskView.class))
            .join();
    if (tasks.isEmpty() && !queries.query(new IncidentExists(incidentId), Boolean.class).join()) {
      throw new NotFound("Incident", id);
    }
    return tasks;
  }

  @POST
  @Path("/{id}/tasks")
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM})
  @Operation(
      summary = "Add an ad-hoc recovery task",
      description =
          "title; assigneeRole and assignee optional. Starts as TODO. The answer names the task.")
  @APIResponse(responseCode = "201", description = "Created; Location lists the tasks")
  @APIResponse(responseCode = "400", description = "A field is missing or malformed; it is named")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(responseCode = "409", description = "The incident is closed or merged")
  public Response addTask(@PathParam("id") String id, TaskRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = existingId(id);
    String taskId = UUID.randomUUID().toString();
    send(
        id,
        () -> {
          commands.sendAndWait(
              new AddRecoveryTask(
                  incidentId,
                  taskId,
                  request.title().strip(),
                  strip(request.assigneeRole()),
                  strip(request.assignee())));
          return null;
        });
    return Response.created(uri.getBaseUriBuilder().path(incidentId).path("tasks").build())
        .entity(new TaskAnswer(incidentId, taskId))
        .build();
  }

  @POST
  @Path("/{id}/tasks/{taskId}/assignment")
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM})
  @Operation(
      summary = "Give a recovery task to someone",
      description = "assignee: a person or team")
  @APIResponse(responseCode = "202", description = "Stored")
  @APIResponse(responseCode = "400", description = "assignee missing or too long")
  @APIResponse(responseCode = "404", description = "No such incident or task")
  @APIResponse(responseCode = "409", description = "The incident is closed or merged")
  public Response assign(
      @PathParam("id") String id, @PathParam("taskId") String taskId, AssignmentRequest request) {
    validator.check(request);
    String incidentId = existingId(id);
    send(
        id,
        () -> {
          commands.sendAndWait(
              new AssignRecoveryTask(incidentId, taskId, request.assignee().strip()));
          return null;
        });
    return Response.accepted(new TaskAnswer(incidentId, taskId)).build();
  }

  @POST
  @Path("/{id}/tasks/{taskId}/status")
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM})
  @Operation(
      summary = "Change a recovery task's status",
      description =
          "status: TODO, IN_PROGRESS, BLOCKED or DONE (any but the current one; DONE may be"
              + " reopened); note optional. Who and when is recorded: the first IN_PROGRESS sets"
              + " startedAt, DONE sets doneAt.")
  @APIResponse(responseCode = "202", description = "Stored")
  @APIResponse(responseCode = "400", description = "status missing or unknown")
  @APIResponse(responseCode = "404", description = "No such incident or task")
  @APIResponse(responseCode = "409", description = "The incident is closed or merged")
  @APIResponse(responseCode = "422", description = "The task has this status already")
  public Response changeStatus(
      @PathParam("id") String id, @PathParam("taskId") String taskId, TaskStatusRequest request) {
    validator.check(request);
    String incidentId = existingId(id);
    send(
        id,
        () -> {
          commands.sendAndWait(
              new ChangeRecoveryTaskStatus(
                  incidentId, taskId, request.status(), strip(request.note())));
          return null;
        });
    return Response.accepted(new TaskAnswer(incidentId, taskId)).build();
  }

  @POST
  @Path("/{id}/merge")
  @RolesAllowed(Roles.INCIDENT_COMMANDER)
  @Operation(
      summary = "Merge another incident into this one",
      description =
          "otherIncidentId, reason. The other incident's alerts, assets and disrupted processes"
              + " (with their deadlines) join this one; the other becomes MERGED and takes nothing"
              + " more (a re-sent alert of it answers with this incident). Both histories record"
              + " it (IncidentMergedInto, IncidentAbsorbed), in one transaction: both or"
              + " neither. New alerts on the merged assets correlate into this incident.")
  @APIResponse(responseCode = "202", description = "Merged")
  @APIResponse(responseCode = "400", description = "A field is missing or malformed; it is named")
  @APIResponse(responseCode = "404", description = "This or the other incident does not exist")
  @APIResponse(
      responseCode = "409",
      description = "One of them is closed or merged, or this one is dismissed")
  @APIResponse(responseCode = "422", description = "otherIncidentId is this incident")
  public Response merge(@PathParam("id") String id, MergeRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = existingId(id);
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
    database
        .transactions()
        .inTransaction(
            () -> {
              IncidentParts parts =
                  commands.sendAndWait(new MergeIntoIncident(otherId, incidentId, reason));
              commands.sendAndWait(new AbsorbIncident(incidentId, otherId, parts, reason));
              return null;
            });
    return Response.accepted(new MergeAnswer(incidentId, otherId))
        .location(uri.getBaseUriBuilder().path(incidentId).build())
        .build();
  }

  @POST
  @Path("/{id}/split")
  @RolesAllowed(Roles.INCIDENT_COMMANDER)
  @Operation(
      summary = "Split alerts off into a new incident",
      description =
          "alerts: [{source, sourceId}] (1 to 500), each an alert of this incident other than"
              + " the one that opened it; reason. A new incident opens with them (Location), its"
              + " disruption from their earliest detection, with the assets and disrupted"
              + " processes they brought; this incident keeps its assets and processes. Both"
              + " histories record it (IncidentSplit, IncidentSplitOff), in one transaction. The"
              + " alerts, sent again, answer with the new incident.")
  @APIResponse(responseCode = "201", description = "Split; Location names the new incident")
  @APIResponse(responseCode = "400", description = "A field is missing or malformed; it is named")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(responseCode = "409", description = "The incident is closed or merged")
  @APIResponse(
      responseCode = "422",
      description = "An alert is not this incident's, named twice, or the opening one")
  public Response split(@PathParam("id") String id, SplitRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = existingId(id);
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
        database
            .transactions()
            .inTransaction(
                () -> {
                  IncidentParts moved =
                      commands.sendAndWait(new SplitIncident(incidentId, newId, alerts, reason));
                  commands.sendAndWait(new OpenSplitIncident(newId, incidentId, moved, reason));
                  return moved;
                });
    return Response.created(uri.getBaseUriBuilder().path(newId).build())
        .entity(new SplitAnswer(newId, incidentId, parts.alerts().size()))
        .build();
  }

  private boolean exists(String incidentId) {
    return queries.query(new IncidentExists(incidentId), Boolean.class).join();
  }

  private static <T> T send(String id, java.util.function.Supplier<T> dispatch) {
    try {
      return dispatch.get();
    } catch (AggregateNotFoundException unknown) {
      throw new NotFound("Incident", id);
    }
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
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
