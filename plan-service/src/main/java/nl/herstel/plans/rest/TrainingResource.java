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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.plans.api.PlanQueries.FindPlan;
import nl.herstel.plans.api.PreparednessCommands.RecordTraining;
import nl.herstel.plans.api.PreparednessQueries.FindTrainingRecord;
import nl.herstel.plans.api.PreparednessQueries.ListTrainingRecords;
import nl.herstel.plans.query.PlanView;
import nl.herstel.plans.query.PreparednessProjection;
import nl.herstel.plans.query.PreparednessViews.TrainingRecordView;
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
 * Training records (DOMAIN.md, step 3: "flying hours"): who was trained for which role of which
 * plan, and until when it counts. Readiness asks every role of a plan to be held by a trained,
 * current member.
 */
@Path("/training-records")
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
public class TrainingResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /**
   * A training record as a client writes it.
   *
   * @param person the contact id of the person in the plan (a team member or deputy)
   * @param role the role trained for, as the plan's team members name it
   * @param planId the plan trained for; absent for training that counts for every plan
   * @param trainedOn the day of the training; today if absent
   * @param validUntil until when the training counts
   */
  @Schema(name = "TrainingRecordRequest", description = "A person trained for a role of a plan")
  public record TrainingRecordRequest(
      @NotBlank @Size(max = 64) String person,
      @NotBlank @Size(max = 64) String role,
      @Size(max = 64) String planId,
      @NotBlank @Size(max = 200) String topic,
      LocalDate trainedOn,
      @NotNull LocalDate validUntil) {}

  @POST
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER})
  @Operation(
      operationId = "recordTraining",
      summary = "Record a training",
      description =
          "A record without a role, or for an unknown plan, is rejected naming the field;"
              + " validUntil not before trainedOn. Published as TrainingRecorded.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded; Location names it",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or malformed, or the plan is unknown",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response record(TrainingRecordRequest request, @Context UriInfo uri) {
    validator.check(request);
    LocalDate on =
        request.trainedOn() == null ? LocalDate.now(ZoneOffset.UTC) : request.trainedOn();
    List<Problem.FieldError> errors = new ArrayList<>();
    if (request.planId() != null
        && queries
            .query(new FindPlan(request.planId()), ResponseTypes.optionalInstanceOf(PlanView.class))
            .join()
            .isEmpty()) {
      errors.add(new Problem.FieldError("planId", "is not a known plan"));
    }
    if (request.validUntil().isBefore(on)) {
      errors.add(new Problem.FieldError("validUntil", "must not lie before trainedOn"));
    }
    if (on.isAfter(LocalDate.now(ZoneOffset.UTC))) {
      errors.add(new Problem.FieldError("trainedOn", "must not lie in the future"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequest(errors);
    }
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(
        new RecordTraining(
            id,
            request.person(),
            request.role(),
            request.planId(),
            request.topic(),
            on,
            request.validUntil()));
    return Response.created(uri.getBaseUriBuilder().path("training-records").path(id).build())
        .entity(new Created(id))
        .build();
  }

  @GET
  @Operation(
      operationId = "listTrainingRecords",
      summary = "Training records, newest first",
      description = "Pages of `limit`; `planId` narrows to one plan.")
  @APIResponse(
      responseCode = "200",
      description = "A page of training records",
      content = @Content(schema = @Schema(implementation = Pages.TrainingRecordPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<TrainingRecordView> list(
      @QueryParam("planId") String planId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    List<TrainingRecordView> rows =
        queries
            .query(
                new ListTrainingRecords(planId, Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(TrainingRecordView.class))
            .join();
    return Page.of(rows, size, PreparednessProjection::key, uri, null);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getTrainingRecord",
      summary = "One training record",
      description = "Who was trained for which role of which plan, when, and until when it counts.")
  @APIResponse(
      responseCode = "200",
      description = "The training record",
      content = @Content(schema = @Schema(implementation = TrainingRecordView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such training record",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public TrainingRecordView get(@PathParam("id") String id) {
    return queries
        .query(
            new FindTrainingRecord(id), ResponseTypes.optionalInstanceOf(TrainingRecordView.class))
        .join()
        .orElseThrow(() -> new NotFound("Training record", id));
  }
}
