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
import java.util.List;
import java.util.UUID;
import nl.herstel.incidents.api.IncidentQueries.IncidentExists;
import nl.herstel.incidents.api.PlanQueries.ListRecoveryTasks;
import nl.herstel.incidents.api.RecoveryCommands.AddRecoveryTask;
import nl.herstel.incidents.api.RecoveryCommands.AssignRecoveryTask;
import nl.herstel.incidents.api.RecoveryCommands.ChangeRecoveryTaskStatus;
import nl.herstel.incidents.api.RecoveryTaskStatus;
import nl.herstel.incidents.query.RecoveryTaskView;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.Page;
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
 * The recovery tasks of an incident: those its activated scenario card's steps became and ad-hoc
 * ones, who does them and how far they are (DOMAIN.md, step 2: execution).
 */
@Path("/")
@RequestScoped
@Tag(name = "Recovery")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecoveryTaskResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

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

  /** A created or changed task. */
  public record TaskAnswer(String incidentId, String taskId) {}

  @GET
  @Path("/{id}/tasks")
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "listRecoveryTasks",
      summary = "The recovery tasks of an incident",
      description =
          "In the order they were created: the scenario card's steps (stepNo) first, then ad-hoc"
              + " tasks. Each with assignee role and person, status, last note, and when and by"
              + " whom it was created, started (first IN_PROGRESS), done and last updated.")
  @APIResponse(
      responseCode = "200",
      description = "The tasks, possibly none",
      content = @Content(schema = @Schema(implementation = Pages.RecoveryTaskPage.class)))
  @APIResponse(responseCode = "404", description = "No such incident")
  public Page<RecoveryTaskView> tasks(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    String incidentId = KnownIncidents.canonical(id);
    List<RecoveryTaskView> tasks =
        queries
            .query(
                new ListRecoveryTasks(incidentId, after, size),
                ResponseTypes.multipleInstancesOf(RecoveryTaskView.class))
            .join();
    if (tasks.isEmpty() && !queries.query(new IncidentExists(incidentId), Boolean.class).join()) {
      throw new NotFound("Incident", id);
    }
    return Page.of(tasks, size, RecoveryTaskView::taskId, uri, null);
  }

  @POST
  @Path("/{id}/tasks")
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM})
  @Operation(
      operationId = "addRecoveryTask",
      summary = "Add an ad-hoc recovery task",
      description =
          "title; assigneeRole and assignee optional. Starts as TODO. The answer names the task.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location lists the tasks",
      content = @Content(schema = @Schema(implementation = TaskAnswer.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed; it is named")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(responseCode = "409", description = "The incident is closed or merged")
  public Response addTask(@PathParam("id") String id, TaskRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = KnownIncidents.canonical(id);
    String taskId = UUID.randomUUID().toString();
    KnownIncidents.send(
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
      operationId = "assignRecoveryTask",
      summary = "Give a recovery task to someone",
      description = "assignee: a person or team")
  @APIResponse(
      responseCode = "202",
      description = "Stored",
      content = @Content(schema = @Schema(implementation = TaskAnswer.class)))
  @APIResponse(responseCode = "400", description = "assignee missing or too long")
  @APIResponse(responseCode = "404", description = "No such incident or task")
  @APIResponse(responseCode = "409", description = "The incident is closed or merged")
  public Response assign(
      @PathParam("id") String id, @PathParam("taskId") String taskId, AssignmentRequest request) {
    validator.check(request);
    String incidentId = KnownIncidents.canonical(id);
    KnownIncidents.send(
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
      operationId = "changeRecoveryTaskStatus",
      summary = "Change a recovery task's status",
      description =
          "status: TODO, IN_PROGRESS, BLOCKED or DONE (any but the current one; DONE may be"
              + " reopened); note optional. Who and when is recorded: the first IN_PROGRESS sets"
              + " startedAt, DONE sets doneAt.")
  @APIResponse(
      responseCode = "202",
      description = "Stored",
      content = @Content(schema = @Schema(implementation = TaskAnswer.class)))
  @APIResponse(responseCode = "400", description = "status missing or unknown")
  @APIResponse(responseCode = "404", description = "No such incident or task")
  @APIResponse(responseCode = "409", description = "The incident is closed or merged")
  @APIResponse(responseCode = "422", description = "The task has this status already")
  public Response changeStatus(
      @PathParam("id") String id, @PathParam("taskId") String taskId, TaskStatusRequest request) {
    validator.check(request);
    String incidentId = KnownIncidents.canonical(id);
    KnownIncidents.send(
        id,
        () -> {
          commands.sendAndWait(
              new ChangeRecoveryTaskStatus(
                  incidentId, taskId, request.status(), strip(request.note())));
          return null;
        });
    return Response.accepted(new TaskAnswer(incidentId, taskId)).build();
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
  }
}
