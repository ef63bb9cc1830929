package nl.herstel.plans.rest;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.herstel.plans.api.ExerciseKind;
import nl.herstel.plans.api.IncidentTimeline;
import nl.herstel.plans.api.PlanQueries.FindPlan;
import nl.herstel.plans.api.PreparednessCommands.CompleteExercise;
import nl.herstel.plans.api.PreparednessCommands.PlanExercise;
import nl.herstel.plans.api.PreparednessCommands.RecordExerciseResult;
import nl.herstel.plans.api.PreparednessCommands.StartExercise;
import nl.herstel.plans.api.PreparednessCommands.TimeExerciseStep;
import nl.herstel.plans.api.PreparednessQueries.FindExercise;
import nl.herstel.plans.api.PreparednessQueries.FindIncidentTimeline;
import nl.herstel.plans.api.PreparednessQueries.ListExerciseRequests;
import nl.herstel.plans.api.PreparednessQueries.ListExercises;
import nl.herstel.plans.query.ExerciseRequestView;
import nl.herstel.plans.query.PlanView;
import nl.herstel.plans.query.PreparednessProjection;
import nl.herstel.plans.query.PreparednessViews.ExerciseView;
import nl.herstel.plans.rest.PlanResource.Created;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.rest.RequestValidator;
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
 * Exercises of a recovery plan (DOMAIN.md, step 3): planned, running while the steps are timed,
 * completed with a result per process (achieved recovery time against the RTO, findings). Readiness
 * asks for a completed exercise within the last year that met the RTO.
 */
@Path("/exercises")
@RequestScoped
@Tag(name = "Exercises and training")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.BCM_MANAGER,
  Roles.PROCESS_OWNER,
  Roles.PLAN_OWNER,
  Roles.INCIDENT_COMMANDER,
  Roles.RECOVERY_TEAM,
  Roles.MANAGEMENT,
  Roles.AUDITOR
})
public class ExerciseResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /**
   * An exercise as a client plans it.
   *
   * @param scenarioCardId a scenario card of the plan the exercise plays through
   * @param participants who takes part (contact ids of the plan, or names)
   * @param seedIncidentId a closed past incident to replay: every fact of its timeline (opening,
   *     classification, plan activation, decisions, tasks, deadline breaches, notifications,
   *     restorations, closure) becomes a step of the script at its offset from the disruption
   *     divided by timeCompression
   * @param timeCompression how many times faster than the real incident the replay runs; 1 if
   *     absent
   */
  @Schema(name = "ExerciseRequest", description = "An exercise of a plan")
  public record ExerciseRequest(
      @NotBlank @Size(max = 64) String planId,
      @NotNull ExerciseKind kind,
      @NotBlank @Size(max = 200) String title,
      @Size(max = 64) String scenarioCardId,
      @Size(max = 200) List<@NotBlank @Size(max = 200) String> participants,
      Instant plannedFor,
      @Size(max = 64) String seedIncidentId,
      @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(1000)
          Integer timeCompression) {}

  /** When something happened; now if absent. */
  @Schema(name = "ExerciseMoment", description = "When an exercise started or ended")
  public record Moment(Instant at) {}

  /**
   * A step of the exercise, timed.
   *
   * @param stepId the step of the scenario card, or any id for a step outside it
   */
  @Schema(name = "ExerciseStepRequest", description = "A timed step of a running exercise")
  public record StepRequest(
      @NotBlank @Size(max = 64) String stepId,
      @NotBlank @Size(max = 200) String title,
      @NotNull Instant startedAt,
      Instant finishedAt) {}

  /**
   * How fast a process was recovered in the exercise.
   *
   * @param achievedRecoveryTime ISO-8601, held against the process's RTO
   */
  @Schema(name = "ExerciseResultRequest", description = "The result of a process in an exercise")
  public record ResultRequest(
      @NotBlank @Size(max = 64) String processId,
      @NotNull Duration achievedRecoveryTime,
      @Size(max = 50) List<@NotBlank @Size(max = 2000) String> findings) {}

  @GET
  @Path("/requests")
  @Operation(
      operationId = "listExerciseRequests",
      summary = "Exercises lessons-service asked for",
      description =
          "Each names a plan's scenario card that was followed in an incident whose recovery"
              + " breached a target, the processes that breached and the incident. Plan the"
              + " exercise with POST /exercises naming the plan and card. Pages of `limit`"
              + " (1–1000, default 50); follow `next`; planId filters by plan.")
  @APIResponse(
      responseCode = "200",
      description = "A page of exercise requests",
      content = @Content(schema = @Schema(implementation = Pages.ExerciseRequestPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<ExerciseRequestView> requests(
      @QueryParam("planId") String planId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    List<ExerciseRequestView> rows =
        queries
            .query(
                new ListExerciseRequests(planId, Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(ExerciseRequestView.class))
            .join();
    return Page.of(rows, size, ExerciseRequestView::id, uri, null);
  }

  @POST
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER})
  @Operation(
      operationId = "planExercise",
      summary = "Plan an exercise of a plan",
      description =
          "The plan must exist and the scenario card, if named, must be one of its cards. Results"
              + " will be accepted for the processes the plan covers now. With seedIncidentId the"
              + " exercise replays a closed incident's whole timeline as plan-service heard it on"
              + " herstel.incidents.v1: every fact (opening, classification, plan activation,"
              + " transitions, decisions with who took them, recovery tasks, deadline breaches,"
              + " notifications, costs, restorations, closure) becomes a step in `script`, in the"
              + " order it happened, `after` its offset from the disruption divided by"
              + " timeCompression (1–1000, default 1). An incident plan-service does not know, or"
              + " knows only as open, is a 400 naming seedIncidentId; nothing is stored.")
  @APIResponse(
      responseCode = "201",
      description = "Planned; Location names it",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or malformed, an unknown plan or scenario card",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response plan(ExerciseRequest request, @Context UriInfo uri) {
    validator.check(request);
    PlanView plan =
        queries
            .query(new FindPlan(request.planId()), ResponseTypes.optionalInstanceOf(PlanView.class))
            .join()
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        List.of(new Problem.FieldError("planId", "is not a known plan"))));
    if (request.scenarioCardId() != null
        && plan.scenarioCards().stream().noneMatch(c -> request.scenarioCardId().equals(c.id()))) {
      throw new InvalidRequest(
          List.of(new Problem.FieldError("scenarioCardId", "is not a card of the plan")));
    }
    checkSeed(request);
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(
        new PlanExercise(
            id,
            plan.id(),
            plan.coveredProcessIds(),
            request.kind(),
            request.title(),
            request.scenarioCardId(),
            request.participants(),
            request.plannedFor(),
            request.seedIncidentId(),
            request.timeCompression()));
    return Response.created(uri.getBaseUriBuilder().path("exercises").path(id).build())
        .entity(new Created(id))
        .build();
  }

  @POST
  @Path("/{id}/start")
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER, Roles.RECOVERY_TEAM})
  @Operation(
      operationId = "startExercise",
      summary = "Start a planned exercise",
      description = "PLANNED → RUNNING; at defaults to now.")
  @APIResponse(responseCode = "204", description = "Running")
  @APIResponse(
      responseCode = "404",
      description = "No such exercise",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The exercise is not PLANNED",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response start(@PathParam("id") String id, Moment moment) {
    commands.sendAndWait(new StartExercise(id, at(moment)));
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/steps")
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER, Roles.RECOVERY_TEAM})
  @Operation(
      operationId = "timeExerciseStep",
      summary = "Time a step of a running exercise",
      description = "A step timed again replaces its earlier timing.")
  @APIResponse(responseCode = "204", description = "Timed")
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or malformed",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such exercise",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The exercise is not RUNNING",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response step(@PathParam("id") String id, StepRequest request) {
    validator.check(request);
    if (request.finishedAt() != null && request.finishedAt().isBefore(request.startedAt())) {
      throw new InvalidRequest(
          List.of(new Problem.FieldError("finishedAt", "must not lie before startedAt")));
    }
    commands.sendAndWait(
        new TimeExerciseStep(
            id, request.stepId(), request.title(), request.startedAt(), request.finishedAt()));
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/results")
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER, Roles.RECOVERY_TEAM})
  @Operation(
      operationId = "recordExerciseResult",
      summary = "Record how fast a process was recovered in a running exercise",
      description =
          "The process must be one the plan covered when the exercise was planned; a second"
              + " result for the same process replaces the first.")
  @APIResponse(responseCode = "204", description = "Recorded")
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or malformed, or the process is outside the plan",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such exercise",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The exercise is not RUNNING",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response result(@PathParam("id") String id, ResultRequest request) {
    validator.check(request);
    Optional<ExerciseView> exercise =
        queries
            .query(new FindExercise(id), ResponseTypes.optionalInstanceOf(ExerciseView.class))
            .join();
    if (exercise.isPresent() && !exercise.get().processIds().contains(request.processId())) {
      throw new InvalidRequest(
          List.of(
              new Problem.FieldError(
                  "processId", "is not a process of plan " + exercise.get().planId())));
    }
    if (request.achievedRecoveryTime().isNegative()) {
      throw new InvalidRequest(
          List.of(new Problem.FieldError("achievedRecoveryTime", "must not be negative")));
    }
    commands.sendAndWait(
        new RecordExerciseResult(
            id, request.processId(), request.achievedRecoveryTime(), request.findings()));
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/completion")
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER, Roles.RECOVERY_TEAM})
  @Operation(
      operationId = "completeExercise",
      summary = "Complete a running exercise",
      description = "RUNNING → COMPLETED; at defaults to now. Published as ExerciseCompleted.")
  @APIResponse(responseCode = "204", description = "Completed")
  @APIResponse(
      responseCode = "404",
      description = "No such exercise",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The exercise is not RUNNING",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response complete(@PathParam("id") String id, Moment moment) {
    commands.sendAndWait(new CompleteExercise(id, at(moment)));
    return Response.noContent().build();
  }

  @GET
  @Operation(
      operationId = "listExercises",
      summary = "Exercises, most recently changed first",
      description = "Pages of `limit`; `planId` narrows to one plan.")
  @APIResponse(
      responseCode = "200",
      description = "A page of exercises",
      content = @Content(schema = @Schema(implementation = Pages.ExercisePage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<ExerciseView> list(
      @QueryParam("planId") String planId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    List<ExerciseView> rows =
        queries
            .query(
                new ListExercises(planId, Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(ExerciseView.class))
            .join();
    return Page.of(rows, size, PreparednessProjection::key, uri, null);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getExercise",
      summary = "One exercise",
      description = "With its timed steps and each process's result against its RTO.")
  @APIResponse(
      responseCode = "200",
      description = "The exercise",
      content = @Content(schema = @Schema(implementation = ExerciseView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such exercise",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public ExerciseView get(@PathParam("id") String id) {
    return queries
        .query(new FindExercise(id), ResponseTypes.optionalInstanceOf(ExerciseView.class))
        .join()
        .orElseThrow(() -> new NotFound("Exercise", id));
  }

  private void checkSeed(ExerciseRequest request) {
    if (request.seedIncidentId() == null) {
      return;
    }
    boolean closed =
        queries
            .query(
                new FindIncidentTimeline(request.seedIncidentId()),
                ResponseTypes.optionalInstanceOf(IncidentTimeline.class))
            .join()
            .filter(IncidentTimeline::closed)
            .isPresent();
    if (!closed) {
      throw new InvalidRequest(
          List.of(
              new Problem.FieldError(
                  "seedIncidentId", "is not an incident plan-service knows as closed")));
    }
  }

  private static Instant at(Moment moment) {
    return moment == null || moment.at() == null ? Instant.now() : moment.at();
  }
}
