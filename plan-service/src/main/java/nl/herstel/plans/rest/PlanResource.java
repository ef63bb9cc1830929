package nl.herstel.plans.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.herstel.plans.api.PlanCommands.CreatePlan;
import nl.herstel.plans.api.PlanCommands.RevisePlan;
import nl.herstel.plans.api.PlanCommands.TransitionPlan;
import nl.herstel.plans.api.PlanContent;
import nl.herstel.plans.api.PlanQueries.BiaAssetReference;
import nl.herstel.plans.api.PlanQueries.FindBiaAssets;
import nl.herstel.plans.api.PlanQueries.FindPlan;
import nl.herstel.plans.api.PlanQueries.FindUnknownProcesses;
import nl.herstel.plans.api.PlanQueries.FindUnknownThreats;
import nl.herstel.plans.api.PlanQueries.FindVersion;
import nl.herstel.plans.api.PlanQueries.ListOverdueReviews;
import nl.herstel.plans.api.PlanQueries.ListPlans;
import nl.herstel.plans.api.PlanQueries.ListVersions;
import nl.herstel.plans.api.PlanStatus;
import nl.herstel.plans.api.PlanVersion;
import nl.herstel.plans.api.ScenarioCard;
import nl.herstel.plans.query.PlanDiff;
import nl.herstel.plans.query.PlanReadModel;
import nl.herstel.plans.query.PlanVersionView;
import nl.herstel.plans.query.PlanView;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
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
 * Recovery plans (herstelplannen): write them, take them through review to publication, and read
 * every version and what changed between two.
 */
@Path("/plans")
@RequestScoped
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.BCM_MANAGER,
  Roles.PROCESS_OWNER,
  Roles.PLAN_OWNER,
  Roles.INCIDENT_COMMANDER,
  Roles.RECOVERY_TEAM,
  Roles.SOC_INTAKE,
  Roles.MANAGEMENT,
  Roles.AUDITOR
})
public class PlanResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /** The id of what was created. */
  public record Created(String id) {}

  /**
   * A move through the plan's lifecycle.
   *
   * @param to IN_REVIEW, APPROVED, PUBLISHED, RETIRED, or DRAFT (back from review)
   */
  @Schema(description = "A lifecycle transition of a plan")
  public record TransitionRequest(@NotNull PlanStatus to, @Size(max = 2000) String reason) {}

  /** The plan's version after a change. */
  public record Versioned(String id, int version, PlanStatus status) {}

  @POST
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER})
  @Operation(
      operationId = "createPlan",
      summary = "Create a recovery plan",
      description =
          "Creates the plan as version 1 with whatever content is given; a supplier call list with"
              + " the agreements made is a valid plan. By default (publish absent or true) it is"
              + " published at once and announced on Kafka (PlanPublished); with publish=false it"
              + " starts as DRAFT and goes through review (POST …/transitions). Every covered"
              + " process and linked threat must be known from the BIA. References inside the plan"
              + " must resolve (contacts, roles, steps), step dependencies must form no cycle, and"
              + " a call tree must reach someone out of band. A rejected request stores nothing.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the plan",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or malformed",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "A covered process or linked threat is not known",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description =
          "A rule is broken, e.g. a step depending on an unknown step, a dependency cycle, a"
              + " mandate for an unknown role, a call tree with nobody reachable out of band",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response create(PlanRequest request, @Context UriInfo uri) {
    validator.check(request);
    PlanContent content = request.content();
    requireKnown(content);
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(
        new CreatePlan(
            id, content, request.publish() == null || request.publish(), request.reason()));
    return Response.created(uri.getBaseUriBuilder().path("plans").path(id).build())
        .entity(new Created(id))
        .tag(new EntityTag("1"))
        .build();
  }

  @PUT
  @Path("/{id}/content")
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER})
  @Operation(
      operationId = "revisePlan",
      summary = "Replace a plan's content: a new version",
      description =
          "The whole content is replaced and the plan gets a new version in DRAFT; the published"
              + " version stays in force until a new one is published. Optional If-Match: the"
              + " version (ETag) the change was made on; another → 409. Same rules as create.")
  @APIResponse(
      responseCode = "200",
      description = "The new version",
      content = @Content(schema = @Schema(implementation = Versioned.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or malformed",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such plan, or an unknown process or threat",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "If-Match names another version, or the plan is retired",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "A rule is broken",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response revise(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, PlanRequest request) {
    validator.check(request);
    if (request.publish() != null) {
      throw new RuleViolation(
          "publish", "A new version is published through POST …/transitions {to: PUBLISHED}");
    }
    PlanContent content = request.content();
    requireKnown(content);
    return versioned(
        id,
        commands.sendAndWait(
            new RevisePlan(id, content, Versions.ifMatch(ifMatch), request.reason())));
  }

  @POST
  @Path("/{id}/transitions")
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER})
  @Operation(
      operationId = "transitionPlan",
      summary = "Move a plan through its lifecycle",
      description =
          "DRAFT → IN_REVIEW → APPROVED → PUBLISHED → RETIRED; IN_REVIEW and APPROVED may go back"
              + " to DRAFT; any but RETIRED may be retired. Each move is a new version. Publishing"
              + " announces the version on Kafka (PlanPublished), clears the review flags and sets"
              + " the review date a year ahead unless the content names one. Optional If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The new version",
      content = @Content(schema = @Schema(implementation = Versioned.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such plan",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "If-Match names another version",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "The current status does not allow the move (names `to`)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response transition(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      TransitionRequest request) {
    validator.check(request);
    return versioned(
        id,
        commands.sendAndWait(
            new TransitionPlan(id, request.to(), Versions.ifMatch(ifMatch), request.reason())));
  }

  @GET
  @Operation(
      operationId = "listPlans",
      summary = "Recovery plans by name",
      description =
          "Pages of `limit` (1–1000, default 50); follow `next`. needsReview=true: only the plans"
              + " the BIA flagged for review since their last publication; status filters by"
              + " lifecycle status.")
  @APIResponse(
      responseCode = "200",
      description = "A page of plans (without supplier checks and bundles)",
      content = @Content(schema = @Schema(implementation = Pages.PlanPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<PlanView> list(
      @QueryParam("needsReview") Boolean needsReview,
      @QueryParam("status") PlanStatus status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    List<PlanView> rows =
        queries
            .query(
                new ListPlans(needsReview, status, Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(PlanView.class))
            .join();
    return Page.of(rows, size, PlanReadModel::key, uri, null);
  }

  @GET
  @Path("/reviews/overdue")
  @Operation(
      operationId = "listOverduePlanReviews",
      summary = "Plans whose review date has passed",
      description =
          "Published, not retired plans whose reviewDue lies before today, most overdue"
              + " first; pages of `limit`.")
  @APIResponse(
      responseCode = "200",
      description = "A page of plans",
      content = @Content(schema = @Schema(implementation = Pages.PlanPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<PlanView> overdue(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    List<PlanView> rows =
        queries
            .query(
                new ListOverdueReviews(LocalDate.now(ZoneOffset.UTC), Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(PlanView.class))
            .join();
    return Page.of(rows, size, PlanReadModel::overdueKey, uri, null);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getPlan",
      summary = "One recovery plan",
      description =
          "Its latest version and status, the version in force, review state and reasons, the"
              + " whole content, each supplier's guarantee against the RTO it must meet, and the"
              + " bundles taken. ETag: the version.")
  @APIResponse(
      responseCode = "200",
      description = "The plan",
      content = @Content(schema = @Schema(implementation = PlanView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such plan",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response get(@PathParam("id") String id) {
    PlanView plan = requirePlan(id);
    return Response.ok(plan).tag(new EntityTag(Integer.toString(plan.version()))).build();
  }

  @GET
  @Path("/{id}/versions")
  @Operation(
      operationId = "listPlanVersions",
      summary = "Every version of a plan, oldest first",
      description = "Who made each version, when, why and in which status; pages of `limit`.")
  @APIResponse(
      responseCode = "200",
      description = "A page of versions (without their documents)",
      content = @Content(schema = @Schema(implementation = Pages.PlanVersionPage.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such plan",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<PlanVersionView> versions(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    requirePlan(id);
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    int from;
    try {
      from = after == null ? 0 : Integer.parseInt(after);
    } catch (NumberFormatException e) {
      throw new nl.herstel.platform.rest.InvalidRequest(
          List.of(new Problem.FieldError("cursor", "not a cursor of this list")));
    }
    List<PlanVersionView> rows =
        queries
            .query(
                new ListVersions(id, from, size),
                ResponseTypes.multipleInstancesOf(PlanVersionView.class))
            .join();
    return Page.of(rows, size, v -> Integer.toString(v.version()), uri, null);
  }

  @GET
  @Path("/{id}/versions/{version}")
  @Operation(
      operationId = "getPlanVersion",
      summary = "One version of a plan, whole",
      description = "The plan's document (content and status) as it stood in that version.")
  @APIResponse(
      responseCode = "200",
      description = "The version",
      content = @Content(schema = @Schema(implementation = PlanVersionView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such plan or version",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public PlanVersionView version(@PathParam("id") String id, @PathParam("version") int version) {
    return findVersion(id, version, null);
  }

  @GET
  @Path("/{id}/diff")
  @Operation(
      operationId = "diffPlanVersions",
      summary = "What changed between two versions of a plan",
      description =
          "Every changed value with its path (lists of elements with an id are matched by id,"
              + " e.g. scenarioCards[ransomware].steps[step-2].title), before and after.")
  @APIResponse(
      responseCode = "200",
      description = "The differences",
      content = @Content(schema = @Schema(implementation = PlanDiff.class)))
  @APIResponse(
      responseCode = "400",
      description = "from or to missing",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such plan or version (names from or to)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public PlanDiff diff(
      @PathParam("id") String id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
    List<Problem.FieldError> missing = new ArrayList<>();
    if (from == null) {
      missing.add(new Problem.FieldError("from", "must be a version of the plan"));
    }
    if (to == null) {
      missing.add(new Problem.FieldError("to", "must be a version of the plan"));
    }
    if (!missing.isEmpty()) {
      throw new nl.herstel.platform.rest.InvalidRequest(missing);
    }
    PlanVersionView before = findVersion(id, from, "from");
    PlanVersionView after = findVersion(id, to, "to");
    return new PlanDiff(id, from, to, PlanDiff.between(before.document(), after.document()));
  }

  private PlanVersionView findVersion(String id, int version, String field) {
    requirePlan(id);
    return queries
        .query(
            new FindVersion(id, version), ResponseTypes.optionalInstanceOf(PlanVersionView.class))
        .join()
        .orElseThrow(() -> new NotFound(field, "Version", id + "/" + version));
  }

  private static Response versioned(String id, PlanVersion result) {
    return Response.ok(new Versioned(id, result.version(), result.status()))
        .tag(new EntityTag(Integer.toString(result.version())))
        .build();
  }

  private PlanView requirePlan(String id) {
    return queries
        .query(new FindPlan(id), ResponseTypes.optionalInstanceOf(PlanView.class))
        .join()
        .orElseThrow(() -> new NotFound("Plan", id));
  }

  private void requireKnown(PlanContent content) {
    List<String> unknown =
        queries
            .query(
                new FindUnknownProcesses(content.coveredProcessIds()),
                ResponseTypes.multipleInstancesOf(String.class))
            .join();
    if (!unknown.isEmpty()) {
      throw new NotFound("coveredProcessIds", "Process", unknown.get(0));
    }
    List<ScenarioCard> cards = content.scenarioCards();
    for (int i = 0; i < cards.size(); i++) {
      List<String> threats =
          queries
              .query(
                  new FindUnknownThreats(cards.get(i).threatIds()),
                  ResponseTypes.multipleInstancesOf(String.class))
              .join();
      if (!threats.isEmpty()) {
        throw new NotFound("scenarioCards[" + i + "].threatIds", "Threat", threats.get(0));
      }
    }
    requireSupplierAssets(content.suppliers());
  }

  /** A supplier agreement names a BIA asset of kind SUPPLIER that is still in use, or none. */
  private void requireSupplierAssets(List<PlanContent.SupplierAgreement> suppliers) {
    List<String> named =
        suppliers.stream()
            .map(PlanContent.SupplierAgreement::assetId)
            .filter(id -> id != null)
            .toList();
    if (named.isEmpty()) {
      return;
    }
    Map<String, BiaAssetReference> known = new HashMap<>();
    queries
        .query(new FindBiaAssets(named), ResponseTypes.multipleInstancesOf(BiaAssetReference.class))
        .join()
        .forEach(asset -> known.put(asset.assetId(), asset));
    for (int i = 0; i < suppliers.size(); i++) {
      String assetId = suppliers.get(i).assetId();
      if (assetId == null) {
        continue;
      }
      String field = "suppliers[" + i + "].assetId";
      BiaAssetReference asset = known.get(assetId);
      if (asset == null) {
        throw new NotFound(field, "Asset", assetId);
      }
      if (asset.retired()) {
        throw new RuleViolation(
            field, "Asset " + assetId + " (" + asset.name() + ") is retired in the BIA");
      }
      if (!"SUPPLIER".equals(asset.kind())) {
        throw new RuleViolation(
            field,
            "Asset "
                + assetId
                + " ("
                + asset.name()
                + ") is a "
                + asset.kind()
                + " asset; a supplier agreement links to a SUPPLIER asset");
      }
    }
  }
}
