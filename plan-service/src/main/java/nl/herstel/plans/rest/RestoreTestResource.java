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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.plans.api.PreparednessCommands.RecordRestoreTest;
import nl.herstel.plans.api.PreparednessQueries.FindBackupPolicy;
import nl.herstel.plans.api.PreparednessQueries.FindKnownAsset;
import nl.herstel.plans.api.PreparednessQueries.FindRestoreTest;
import nl.herstel.plans.api.PreparednessQueries.ListRestoreTests;
import nl.herstel.plans.api.RestoreResult;
import nl.herstel.plans.query.PreparednessProjection;
import nl.herstel.plans.query.PreparednessViews.BackupPolicyView;
import nl.herstel.plans.query.PreparednessViews.RestoreTestView;
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
 * Restore tests (DOMAIN.md, step 3): whether a backup brings the data back to the wanted moment
 * (RPO), intact, and how fast (RTO).
 */
@Path("/restore-tests")
@RequestScoped
@Tag(name = "Backups and restore tests")
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
public class RestoreTestResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /**
   * A restore test as a client records it.
   *
   * @param startedAt when the restore began (the moment of the simulated loss); now if absent
   * @param restorePoint the moment the data was restored to; not in the future
   * @param duration how long the restore took, ISO-8601
   * @param hashBefore a hash of the data before, to verify integrity
   * @param hashAfter the same hash after the restore
   */
  @Schema(name = "RestoreTestRequest", description = "A restore test of a backup policy")
  public record RestoreTestRequest(
      @NotBlank @Size(max = 64) String assetId,
      @NotBlank @Size(max = 64) String policyId,
      Instant startedAt,
      @NotNull Instant restorePoint,
      @NotNull Duration duration,
      @Size(max = 200) String hashBefore,
      @Size(max = 200) String hashAfter,
      @NotNull RestoreResult result,
      @Size(max = 4000) String notes) {}

  @POST
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER, Roles.RECOVERY_TEAM})
  @Operation(
      operationId = "recordRestoreTest",
      summary = "Record a restore test",
      description =
          "The asset must be known from the BIA and the policy must be one of its policies; the"
              + " restore point must not lie in the future nor after startedAt. Each bad field is"
              + " named; a rejected request stores nothing. Published as RestoreTestRecorded.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded; Location names it",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "A field is missing or malformed, an unknown asset or policy, a restore point"
              + " in the future",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response record(RestoreTestRequest request, @Context UriInfo uri) {
    validator.check(request);
    Instant now = Instant.now();
    Instant started = request.startedAt() == null ? now : request.startedAt();
    List<Problem.FieldError> errors = new ArrayList<>();
    if (!queries.query(new FindKnownAsset(request.assetId()), Boolean.class).join()) {
      errors.add(new Problem.FieldError("assetId", "is not an asset known from the BIA"));
    }
    BackupPolicyView policy =
        queries
            .query(
                new FindBackupPolicy(request.policyId()),
                ResponseTypes.optionalInstanceOf(BackupPolicyView.class))
            .join()
            .orElse(null);
    if (policy == null) {
      errors.add(new Problem.FieldError("policyId", "is not a known backup policy"));
    } else if (!policy.assetId().equals(request.assetId())) {
      errors.add(
          new Problem.FieldError("policyId", "is a policy of another asset, " + policy.assetId()));
    }
    if (request.restorePoint().isAfter(now)) {
      errors.add(new Problem.FieldError("restorePoint", "must not lie in the future"));
    } else if (request.restorePoint().isAfter(started)) {
      errors.add(new Problem.FieldError("restorePoint", "must not lie after startedAt"));
    }
    if (started.isAfter(now)) {
      errors.add(new Problem.FieldError("startedAt", "must not lie in the future"));
    }
    if (request.duration().isNegative()) {
      errors.add(new Problem.FieldError("duration", "must not be negative"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequest(errors);
    }
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(
        new RecordRestoreTest(
            id,
            request.assetId(),
            request.policyId(),
            started,
            request.restorePoint(),
            request.duration(),
            request.hashBefore(),
            request.hashAfter(),
            request.result(),
            request.notes()));
    return Response.created(uri.getBaseUriBuilder().path("restore-tests").path(id).build())
        .entity(new Created(id))
        .build();
  }

  @GET
  @Operation(
      operationId = "listRestoreTests",
      summary = "Restore tests, newest first",
      description = "Pages of `limit`; `assetId` narrows to one asset.")
  @APIResponse(
      responseCode = "200",
      description = "A page of restore tests",
      content = @Content(schema = @Schema(implementation = Pages.RestoreTestPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<RestoreTestView> list(
      @QueryParam("assetId") String assetId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    List<RestoreTestView> rows =
        queries
            .query(
                new ListRestoreTests(assetId, Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(RestoreTestView.class))
            .join();
    return Page.of(rows, size, PreparednessProjection::key, uri, null);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getRestoreTest",
      summary = "One restore test",
      description =
          "The test as listed: the restore point, its duration against the RTO, the data lost"
              + " against the RPO and whether the hashes before and after match.")
  @APIResponse(
      responseCode = "200",
      description = "The restore test, with the data lost and whether the data came back intact",
      content = @Content(schema = @Schema(implementation = RestoreTestView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such restore test",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public RestoreTestView get(@PathParam("id") String id) {
    return queries
        .query(new FindRestoreTest(id), ResponseTypes.optionalInstanceOf(RestoreTestView.class))
        .join()
        .orElseThrow(() -> new NotFound("Restore test", id));
  }
}
