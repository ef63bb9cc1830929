package nl.herstel.plans.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.herstel.plans.api.BackupCoverage;
import nl.herstel.plans.api.BackupLocation;
import nl.herstel.plans.api.BackupMedia;
import nl.herstel.plans.api.BackupType;
import nl.herstel.plans.api.PreparednessCommands.BackupSettings;
import nl.herstel.plans.api.PreparednessCommands.RegisterBackupPolicy;
import nl.herstel.plans.api.PreparednessCommands.ReviseBackupPolicy;
import nl.herstel.plans.api.PreparednessQueries.FindBackupPolicy;
import nl.herstel.plans.api.PreparednessQueries.FindKnownAsset;
import nl.herstel.plans.api.PreparednessQueries.ListBackupPolicies;
import nl.herstel.plans.query.PreparednessProjection;
import nl.herstel.plans.query.PreparednessViews.BackupPolicyView;
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
 * The backup strategy (DOMAIN.md, "Backup strategy"): backup policies per BIA asset, which
 * readiness holds against the RPO, the 3-2-1 rule and the ransomware threat.
 */
@Path("/backup-policies")
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
public class BackupResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /**
   * A backup policy as a client writes it.
   *
   * @param assetId the BIA asset backed up (known to plan-service from the BIA)
   * @param frequency how often a backup runs, ISO-8601, e.g. PT4H or P1D
   * @param retention how long backups are kept, ISO-8601, e.g. P30D
   * @param immutable the copies cannot be altered or deleted before retention ends
   * @param offlineCopy a copy is kept out of reach of the network (air gap)
   * @param covers what the policy backs up
   * @param restoreTestInterval how often restores of this policy must be tested; P90D if absent
   */
  @Schema(name = "BackupPolicyRequest", description = "A backup policy of a BIA asset")
  public record BackupPolicyRequest(
      @NotBlank @Size(max = 64) String assetId,
      @NotBlank @Size(max = 200) String name,
      @NotNull BackupMedia media,
      @NotNull BackupLocation location,
      @NotNull BackupType type,
      @NotNull Duration frequency,
      @NotNull Duration retention,
      Boolean immutable,
      Boolean offlineCopy,
      @NotEmpty Set<@NotNull BackupCoverage> covers,
      Duration restoreTestInterval) {

    BackupSettings settings() {
      return new BackupSettings(
          assetId,
          name,
          media,
          location,
          type,
          frequency,
          retention,
          Boolean.TRUE.equals(immutable),
          Boolean.TRUE.equals(offlineCopy),
          covers,
          restoreTestInterval);
    }
  }

  @POST
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER})
  @Operation(
      operationId = "registerBackupPolicy",
      summary = "Register a backup policy of a BIA asset",
      description =
          "frequency, retention and restoreTestInterval are ISO-8601 durations. The asset must be"
              + " known from the BIA. A rejected request stores nothing.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names it",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or malformed, or the asset is unknown (names the field)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "A rule is broken, e.g. retention shorter than the frequency",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response register(BackupPolicyRequest request, @Context UriInfo uri) {
    validator.check(request);
    requireAsset(request.assetId());
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(new RegisterBackupPolicy(id, request.settings()));
    return Response.created(uri.getBaseUriBuilder().path("backup-policies").path(id).build())
        .entity(new Created(id))
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER})
  @Operation(
      operationId = "reviseBackupPolicy",
      summary = "Replace a backup policy's settings",
      description = "The asset stays the one it was registered for; assetId must name it.")
  @APIResponse(responseCode = "204", description = "Revised")
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or malformed, or assetId names another asset",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such policy",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "A rule is broken",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response revise(@PathParam("id") String id, BackupPolicyRequest request) {
    validator.check(request);
    BackupPolicyView current = get(id);
    if (!current.assetId().equals(request.assetId())) {
      throw new InvalidRequest(
          List.of(
              new Problem.FieldError(
                  "assetId", "the policy belongs to asset " + current.assetId())));
    }
    commands.sendAndWait(new ReviseBackupPolicy(id, request.settings()));
    return Response.noContent().build();
  }

  @GET
  @Operation(
      operationId = "listBackupPolicies",
      summary = "Backup policies by asset and name",
      description = "Pages of `limit`; `assetId` narrows to one asset.")
  @APIResponse(
      responseCode = "200",
      description = "A page of policies",
      content = @Content(schema = @Schema(implementation = Pages.BackupPolicyPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<BackupPolicyView> list(
      @QueryParam("assetId") String assetId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    List<BackupPolicyView> rows =
        queries
            .query(
                new ListBackupPolicies(assetId, Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(BackupPolicyView.class))
            .join();
    return Page.of(rows, size, PreparednessProjection::key, uri, null);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getBackupPolicy",
      summary = "One backup policy",
      description =
          "The policy as listed: the asset, interval, retention, where the copies are kept and"
              + " whether one is offline or immutable.")
  @APIResponse(
      responseCode = "200",
      description = "The policy",
      content = @Content(schema = @Schema(implementation = BackupPolicyView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such policy",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public BackupPolicyView get(@PathParam("id") String id) {
    return queries
        .query(new FindBackupPolicy(id), ResponseTypes.optionalInstanceOf(BackupPolicyView.class))
        .join()
        .orElseThrow(() -> new NotFound("Backup policy", id));
  }

  private void requireAsset(String assetId) {
    if (!queries.query(new FindKnownAsset(assetId), Boolean.class).join()) {
      throw new InvalidRequest(
          List.of(new Problem.FieldError("assetId", "is not an asset known from the BIA")));
    }
  }
}
