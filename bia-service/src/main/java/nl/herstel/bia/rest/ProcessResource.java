package nl.herstel.bia.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.herstel.bia.api.BiaCommands.AssessImpacts;
import nl.herstel.bia.api.BiaCommands.ChangeProcessDetails;
import nl.herstel.bia.api.BiaCommands.RegisterProcess;
import nl.herstel.bia.api.BiaCommands.RetireProcess;
import nl.herstel.bia.api.BiaCommands.ReviewProcess;
import nl.herstel.bia.api.BiaCommands.SetRecoveryTargets;
import nl.herstel.bia.api.BiaQueries.EventHistory;
import nl.herstel.bia.api.BiaQueries.FindImpacts;
import nl.herstel.bia.api.BiaQueries.FindNode;
import nl.herstel.bia.api.BiaQueries.FindProcess;
import nl.herstel.bia.api.BiaQueries.ListProcesses;
import nl.herstel.bia.api.BiaQueries.OverdueReviews;
import nl.herstel.bia.api.BiaQueries.ProcessesAsOf;
import nl.herstel.bia.api.BiaQueries.TargetHistory;
import nl.herstel.bia.api.ImpactCategory;
import nl.herstel.bia.api.ImpactRating;
import nl.herstel.bia.query.EventStoreHistory.HistoryEntry;
import nl.herstel.bia.query.ImpactAssessmentView;
import nl.herstel.bia.query.ImpactProjection.StoredImpacts;
import nl.herstel.bia.query.NodeDirectory.Node;
import nl.herstel.bia.query.ProcessProjection;
import nl.herstel.bia.query.ProcessView;
import nl.herstel.bia.query.ReviewView;
import nl.herstel.bia.query.TargetChangeView;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.rest.Versions;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Business processes: register them with their recovery targets and supporting assets. */
@Path("/processes")
@RequestScoped
@Tag(name = "Processes")
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
public class ProcessResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  @Inject
  @ConfigProperty(name = "herstel.bia.impact.horizons", defaultValue = "PT1H,PT4H,PT24H,PT72H,P7D")
  String impactHorizons;

  @Inject
  @ConfigProperty(name = "herstel.bia.impact.unacceptable", defaultValue = "3")
  int unacceptableLevel;

  /**
   * A process to register.
   *
   * @param critical whether the process is critical rather than supporting; default false
   * @param crownJewel whether it is one of the crown jewels; default false
   * @param supportedBy ids of registered assets that support the process
   */
  public record RegisterProcessRequest(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 4000) String description,
      Boolean critical,
      Boolean crownJewel,
      @Size(max = 200) String owner,
      @NotNull Duration mtpd,
      @NotNull Duration rto,
      Duration rpo,
      @Size(max = 100) List<@NotBlank @Size(max = 64) String> supportedBy) {}

  /** The id of what was created. */
  public record Created(String id) {}

  /**
   * New recovery targets for a process (ISO-8601 durations).
   *
   * @param reason why the targets change; kept in the history
   */
  public record SetTargetsRequest(
      @NotNull Duration mtpd,
      @NotNull Duration rto,
      Duration rpo,
      @NotBlank @Size(max = 2000) String reason) {}

  /** The version a write left the process at; also sent as the ETag. */
  public record Versioned(String id, long version) {}

  /** One rating: the impact in a category after an outage of {@code horizon}, 0 to 4. */
  public record RatingRequest(
      @NotNull ImpactCategory category,
      @NotNull Duration horizon,
      @NotNull @Min(0) @Max(4) Integer score) {}

  /** A process's impact assessment: the ratings replace the earlier ones. */
  public record ImpactsRequest(
      @NotEmpty @Size(max = 200) List<@NotNull @jakarta.validation.Valid RatingRequest> ratings) {}

  /**
   * A review of a process's BIA.
   *
   * @param reviewedOn default today (UTC)
   * @param nextReviewDue default a year after reviewedOn
   */
  public record ReviewRequest(
      java.time.LocalDate reviewedOn,
      java.time.LocalDate nextReviewDue,
      @Size(max = 4000) String notes) {}

  /**
   * Changes to a process's details: a field left out (or null) keeps its value; an empty string
   * clears description or owner.
   */
  public record ChangeProcessRequest(
      @Size(min = 1, max = 200)
          @jakarta.validation.constraints.Pattern(regexp = ".*\\S.*", message = "must not be blank")
          String name,
      @Size(max = 4000) String description,
      Boolean critical,
      Boolean crownJewel,
      @Size(max = 200) String owner) {}

  /** Why a process or asset is retired. */
  public record RetirementRequest(@NotBlank @Size(max = 2000) String reason) {}

  @POST
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "registerProcess",
      summary = "Register a business process",
      description =
          "Records the process with MTPD, RTO and optional RPO (ISO-8601 durations such as PT8H)"
              + " and the assets that support it. RTO must not exceed MTPD. Every named asset"
              + " must exist; otherwise nothing is stored.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names the process",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  @APIResponse(responseCode = "404", description = "A supporting asset does not exist")
  @APIResponse(responseCode = "422", description = "A domain rule is broken, e.g. RTO > MTPD")
  public Response register(
      RegisterProcessRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
    validator.check(request);
    List<String> assets = request.supportedBy() == null ? List.of() : request.supportedBy();
    if (assets.stream().distinct().count() != assets.size()) {
      throw new RuleViolation("supportedBy", "An asset is named more than once");
    }
    for (String assetId : assets) {
      queries
          .query(new FindNode(assetId), ResponseTypes.optionalInstanceOf(Node.class))
          .join()
          .filter(node -> node.kind() == NodeKind.ASSET && !node.retired())
          .orElseThrow(() -> new NotFound("supportedBy", "Asset", assetId));
    }
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(
        new RegisterProcess(
            id,
            request.name().strip(),
            request.description(),
            Boolean.TRUE.equals(request.critical()),
            Boolean.TRUE.equals(request.crownJewel()),
            request.owner(),
            request.mtpd(),
            request.rto(),
            request.rpo(),
            assets));
    return Response.created(uri.getAbsolutePathBuilder().path(id).build())
        .entity(new Created(id))
        .build();
  }

  @GET
  @Operation(
      operationId = "listProcesses",
      summary = "List processes, ordered by RTO then name",
      description =
          "Pages of `limit` (1–1000, default 50); follow `next`. asOf (ISO-8601 instant, e.g."
              + " 2026-10-01T12:00:00Z): the processes, targets, status and dependencies as they"
              + " stood at that moment, replayed from the event store.")
  @APIResponse(
      responseCode = "200",
      description = "A page of processes",
      content = @Content(schema = @Schema(implementation = Pages.ProcessPage.class)))
  @APIResponse(responseCode = "400", description = "A bad limit or cursor")
  @APIResponse(responseCode = "422", description = "asOf is not an ISO-8601 instant")
  public Page<ProcessView> list(
      @QueryParam("asOf") String asOf,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    if (asOf != null) {
      java.time.Instant moment = Moments.parse("asOf", asOf);
      List<ProcessView> rows =
          queries
              .query(
                  new ProcessesAsOf(moment, after, size),
                  ResponseTypes.multipleInstancesOf(ProcessView.class))
              .join();
      return Page.ofWindow(rows, after, size, uri, null);
    }
    List<ProcessView> rows =
        queries
            .query(
                new ListProcesses(after, size),
                ResponseTypes.multipleInstancesOf(ProcessView.class))
            .join();
    return Page.of(rows, size, ProcessProjection::key, uri, null);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getProcess",
      summary = "One process with its targets and supporting assets",
      description =
          "version is the process's event sequence number and is also sent as the ETag; send it"
              + " back in If-Match on a write to refuse it (409) when the process has changed.")
  @APIResponse(
      responseCode = "200",
      description = "The process",
      content = @Content(schema = @Schema(implementation = ProcessView.class)))
  @APIResponse(responseCode = "404", description = "No such process")
  public Response get(@PathParam("id") String id) {
    ProcessView process = find(id, null);
    return Response.ok(process).tag(Versions.tag(process.version())).build();
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "changeProcess",
      summary = "Change a process's details",
      description =
          "name, description, critical, crownJewel, owner (targets have their own endpoint); a"
              + " field left out keeps its value, an empty string clears description or owner."
              + " If-Match (optional) must name the current version. Published as"
              + " ProcessChanged.")
  @APIResponse(
      responseCode = "200",
      description = "Changed; the body and ETag give the version",
      content = @Content(schema = @Schema(implementation = Versioned.class)))
  @APIResponse(responseCode = "400", description = "A field is malformed")
  @APIResponse(responseCode = "404", description = "No such process")
  @APIResponse(responseCode = "409", description = "Stale If-Match, or the process is retired")
  public Response change(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      ChangeProcessRequest request) {
    validator.check(request);
    Long expected = Versions.ifMatch(ifMatch);
    ProcessView process = find(id, null);
    long version =
        send(
            id,
            new ChangeProcessDetails(
                id,
                request.name() == null ? process.name() : request.name().strip(),
                request.description() == null
                    ? process.description()
                    : Texts.blankToNull(request.description()),
                request.critical() == null ? process.critical() : request.critical(),
                request.crownJewel() == null ? process.crownJewel() : request.crownJewel(),
                request.owner() == null ? process.owner() : Texts.blankToNull(request.owner()),
                expected));
    return Response.ok(new Versioned(id, version)).tag(Versions.tag(version)).build();
  }

  @PUT
  @Path("/{id}/targets")
  @RolesAllowed({Roles.BCM_MANAGER, Roles.PROCESS_OWNER})
  @Operation(
      operationId = "setRecoveryTargets",
      summary = "Set a process's recovery targets by hand",
      description =
          "MTPD, RTO and optional RPO as ISO-8601 durations; RTO must not exceed MTPD. The change"
              + " is kept with who, when, why and source MANUAL, and published as"
              + " RecoveryTargetsSet. If-Match (optional) must name the current version.")
  @APIResponse(
      responseCode = "200",
      description = "Set; the body and ETag give the new version",
      content = @Content(schema = @Schema(implementation = Versioned.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  @APIResponse(responseCode = "404", description = "No such process")
  @APIResponse(responseCode = "403", description = "A process owner, but not of this process")
  @APIResponse(responseCode = "409", description = "Stale If-Match, or the process is retired")
  @APIResponse(responseCode = "422", description = "A rule is broken, e.g. RTO > MTPD")
  public Response setTargets(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      SetTargetsRequest request,
      @Context SecurityContext security) {
    validator.check(request);
    Ownership.check(find(id, null), security);
    Long expected = Versions.ifMatch(ifMatch);
    long version =
        send(
            id,
            new SetRecoveryTargets(
                id,
                request.mtpd(),
                request.rto(),
                request.rpo(),
                request.reason().strip(),
                expected));
    return Response.ok(new Versioned(id, version)).tag(Versions.tag(version)).build();
  }

  @GET
  @Path("/{id}/targets/history")
  @Operation(
      operationId = "listRecoveryTargetChanges",
      summary = "Every setting of a process's recovery targets, oldest first",
      description =
          "Each entry: mtpd, rto, rpo, source (REGISTRATION, MANUAL, REVISION), revisionId,"
              + " reason, setBy, setByRole, setAt, version. Pages of `limit`; follow `next`.")
  @APIResponse(
      responseCode = "200",
      description = "A page of the history",
      content = @Content(schema = @Schema(implementation = Pages.TargetChangePage.class)))
  @APIResponse(responseCode = "400", description = "A bad limit or cursor")
  @APIResponse(responseCode = "404", description = "No such process")
  public Page<TargetChangeView> targetHistory(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    find(id, null);
    List<TargetChangeView> rows =
        queries
            .query(
                new TargetHistory(id, after, size),
                ResponseTypes.multipleInstancesOf(TargetChangeView.class))
            .join();
    return Page.of(rows, size, change -> Long.toString(change.version()), uri, null);
  }

  @POST
  @Path("/{id}/retirement")
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "retireProcess",
      summary = "Retire a process",
      description =
          "The process stays in the history; nothing new may depend on it and its targets can no"
              + " longer change. If-Match (optional) must name the current version.")
  @APIResponse(
      responseCode = "200",
      description = "Retired",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(responseCode = "400", description = "reason missing")
  @APIResponse(responseCode = "404", description = "No such process")
  @APIResponse(responseCode = "409", description = "Already retired, or a stale If-Match")
  public Response retire(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      RetirementRequest request) {
    validator.check(request);
    Long expected = Versions.ifMatch(ifMatch);
    send(id, new RetireProcess(id, request.reason().strip(), expected));
    return Response.ok(new Created(id)).build();
  }

  @POST
  @Path("/{id}/reviews")
  @RolesAllowed({Roles.BCM_MANAGER, Roles.PROCESS_OWNER})
  @Operation(
      operationId = "reviewProcess",
      summary = "Record a review of a process's BIA",
      description =
          "reviewedOn defaults to today (UTC), nextReviewDue to a year later and must come after"
              + " reviewedOn. If-Match (optional) must name the current version.")
  @APIResponse(
      responseCode = "200",
      description = "Recorded; the body gives the new version",
      content = @Content(schema = @Schema(implementation = Versioned.class)))
  @APIResponse(responseCode = "400", description = "A field is malformed")
  @APIResponse(responseCode = "404", description = "No such process")
  @APIResponse(responseCode = "403", description = "A process owner, but not of this process")
  @APIResponse(responseCode = "409", description = "Stale If-Match, or the process is retired")
  @APIResponse(responseCode = "422", description = "nextReviewDue is not after reviewedOn")
  public Response review(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      ReviewRequest request,
      @Context SecurityContext security) {
    validator.check(request);
    Ownership.check(find(id, null), security);
    Long expected = Versions.ifMatch(ifMatch);
    java.time.LocalDate reviewedOn =
        request.reviewedOn() == null
            ? java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            : request.reviewedOn();
    if (reviewedOn.isAfter(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1))) {
      throw new RuleViolation("reviewedOn", "A review cannot be recorded in the future");
    }
    java.time.LocalDate due =
        request.nextReviewDue() == null ? reviewedOn.plusYears(1) : request.nextReviewDue();
    long version = send(id, new ReviewProcess(id, reviewedOn, due, request.notes(), expected));
    return Response.ok(new Versioned(id, version)).tag(Versions.tag(version)).build();
  }

  @GET
  @Path("/reviews/overdue")
  @Operation(
      operationId = "listOverdueProcessReviews",
      summary = "Active processes whose review is overdue or that were never reviewed",
      description =
          "Never reviewed first, then by due date and name. Pages of `limit`; follow `next`.")
  @APIResponse(
      responseCode = "200",
      description = "A page of the processes due for review",
      content = @Content(schema = @Schema(implementation = Pages.ReviewPage.class)))
  @APIResponse(responseCode = "400", description = "A bad limit or cursor")
  public Page<ReviewView> overdueReviews(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    List<ReviewView> rows =
        queries
            .query(
                new OverdueReviews(
                    java.time.LocalDate.now(java.time.ZoneOffset.UTC), Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(ReviewView.class))
            .join();
    return Page.of(rows, size, ProcessProjection::overdueKey, uri, null);
  }

  @GET
  @Path("/{id}/history")
  @Operation(
      operationId = "getProcessHistory",
      summary = "Every event of a process, oldest first",
      description =
          "Each entry: version, type, at, principal, role and the event's data. Pages of `limit`;"
              + " follow `next`.")
  @APIResponse(
      responseCode = "200",
      description = "A page of the history",
      content = @Content(schema = @Schema(implementation = Pages.HistoryEntryPage.class)))
  @APIResponse(responseCode = "400", description = "A bad limit or cursor")
  @APIResponse(responseCode = "404", description = "No such process")
  public Page<HistoryEntry> history(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    List<HistoryEntry> history =
        queries
            .query(
                new EventHistory(id, after, size),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class))
            .join();
    boolean process =
        after == null
            ? !history.isEmpty() && history.get(0).type().equals("ProcessRegistered")
            : queries
                .query(new FindNode(id), ResponseTypes.optionalInstanceOf(Node.class))
                .join()
                .filter(node -> node.kind() == NodeKind.PROCESS)
                .isPresent();
    if (!process) {
      throw new NotFound("Process", id);
    }
    return Page.of(history, size, entry -> Long.toString(entry.version()), uri, null);
  }

  @PUT
  @Path("/{id}/impacts")
  @RolesAllowed({Roles.BCM_MANAGER, Roles.PROCESS_OWNER})
  @Operation(
      operationId = "assessProcessImpacts",
      summary = "Assess a process's impacts",
      description =
          "Ratings 0 (none) to 4 per category (FINANCIAL, OPERATIONAL, LEGAL_REGULATORY,"
              + " REPUTATIONAL, HEALTH_SAFETY) at the configured horizons"
              + " (herstel.bia.impact.horizons). Replaces the earlier assessment. If-Match"
              + " (optional) must name the current version.")
  @APIResponse(
      responseCode = "200",
      description = "Assessed; the body gives the suggested MTPD",
      content = @Content(schema = @Schema(implementation = Versioned.class)))
  @APIResponse(responseCode = "400", description = "A field is missing, malformed or out of range")
  @APIResponse(responseCode = "404", description = "No such process")
  @APIResponse(responseCode = "403", description = "A process owner, but not of this process")
  @APIResponse(responseCode = "409", description = "Stale If-Match, or the process is retired")
  @APIResponse(responseCode = "422", description = "An unknown horizon or a doubly rated cell")
  public Response assessImpacts(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      ImpactsRequest request,
      @Context SecurityContext security) {
    validator.check(request);
    Ownership.check(find(id, null), security);
    Long expected = Versions.ifMatch(ifMatch);
    List<Duration> horizons = horizons();
    List<ImpactRating> ratings = new ArrayList<>();
    for (int i = 0; i < request.ratings().size(); i++) {
      RatingRequest rating = request.ratings().get(i);
      if (!horizons.contains(rating.horizon())) {
        throw new RuleViolation("ratings[" + i + "].horizon", "The horizons are " + horizons);
      }
      ratings.add(new ImpactRating(rating.category(), rating.horizon(), rating.score()));
    }
    long version = send(id, new AssessImpacts(id, ratings, expected));
    return Response.ok(new Versioned(id, version)).tag(Versions.tag(version)).build();
  }

  @GET
  @Path("/{id}/impacts")
  @Operation(
      operationId = "getProcessImpacts",
      summary = "A process's impact assessment and the MTPD it suggests",
      description =
          "suggestedMtpd: the first horizon at which any category reaches the unacceptable"
              + " level (herstel.bia.impact.unacceptable, default 3); null if none does.")
  @APIResponse(
      responseCode = "200",
      description = "The assessment",
      content = @Content(schema = @Schema(implementation = ImpactAssessmentView.class)))
  @APIResponse(responseCode = "404", description = "No such process")
  public ImpactAssessmentView impacts(@PathParam("id") String id) {
    ProcessView process = find(id, null);
    StoredImpacts stored =
        queries.query(new FindImpacts(id), ResponseTypes.instanceOf(StoredImpacts.class)).join();
    return ImpactAssessmentView.of(id, horizons(), unacceptableLevel, stored, process.mtpd());
  }

  private List<Duration> horizons() {
    return Arrays.stream(impactHorizons.split(","))
        .map(String::strip)
        .map(Duration::parse)
        .sorted()
        .toList();
  }

  private <R> R send(String id, Object command) {
    try {
      return commands.sendAndWait(command);
    } catch (AggregateNotFoundException e) {
      throw new NotFound("Process", id);
    }
  }

  private ProcessView find(String id, String field) {
    return queries
        .query(new FindProcess(id), ResponseTypes.optionalInstanceOf(ProcessView.class))
        .join()
        .orElseThrow(() -> new NotFound(field, "Process", id));
  }
}
