package nl.herstel.bia.rest;

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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.herstel.bia.api.BiaCommands.ProposeTargetRevision;
import nl.herstel.bia.api.BiaQueries.FindNode;
import nl.herstel.bia.api.BiaQueries.FindProcess;
import nl.herstel.bia.api.BiaQueries.FindRevision;
import nl.herstel.bia.api.BiaQueries.ListRevisions;
import nl.herstel.bia.command.RevisionDecisions;
import nl.herstel.bia.command.RevisionDecisions.Outcome;
import nl.herstel.bia.query.NodeDirectory.Node;
import nl.herstel.bia.query.ProcessView;
import nl.herstel.bia.query.RevisionProjection;
import nl.herstel.bia.query.RevisionView;
import nl.herstel.bia.rest.ProcessResource.Created;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.NotPermitted;
import nl.herstel.platform.domain.RuleViolation;
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
 * Proposals to revise recovery targets, from lessons-service after an RTO breach or by hand, and
 * the owner's decision on them.
 */
@Path("/revisions")
@RequestScoped
@Tag(name = "Revisions")
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
public class RevisionResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;
  @Inject RevisionDecisions decisions;

  /** What to do with a revision. */
  public enum Decision {
    ACCEPT,
    REJECT
  }

  /**
   * A decision on a revision.
   *
   * @param mtpd with ACCEPT only: a new MTPD, needed when the proposed RTO exceeds the current one
   */
  public record DecisionRequest(
      @NotNull Decision decision, @NotBlank @Size(max = 2000) String reason, Duration mtpd) {}

  /** A revision proposed by hand. */
  public record ProposalRequest(
      @NotBlank @Size(max = 64) String processId,
      @NotNull Duration proposedRto,
      Duration proposedMtpd,
      @NotBlank @Size(max = 2000) String rationale) {}

  @GET
  @Operation(
      operationId = "listRevisions",
      summary = "List target revisions",
      description =
          "status filters: PENDING, ACCEPTED or REJECTED; without it, all of them. kind says"
              + " which target a revision changes: RTO (proposedRto, maybe proposedMtpd), MTPD"
              + " (proposedMtpd) or RPO (proposedRpo); currentTarget is its value when proposed."
              + " THREAT_LIKELIHOOD revisions come from lessons and change no process but a"
              + " threat (threatId) from currentLikelihood to proposedLikelihood (1-5); their"
              + " evidence lists the incidents of the threat's category in the year (OCCURRENCE,"
              + " with disruptedAt)."
              + " Revisions from lessons carry their evidence (per incident: RECOVERY_TIME or"
              + " DATA_LOSS measured against the target) and rationale, and name the lessons"
              + " proposalId. Pages of `limit` in the order they were proposed; follow `next`.")
  @APIResponse(
      responseCode = "200",
      description = "A page of revisions",
      content = @Content(schema = @Schema(implementation = Pages.RevisionPage.class)))
  @APIResponse(responseCode = "400", description = "A bad limit or cursor")
  @APIResponse(responseCode = "422", description = "status is not PENDING, ACCEPTED or REJECTED")
  public Page<RevisionView> list(
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    if (status != null && !status.matches("PENDING|ACCEPTED|REJECTED")) {
      throw new RuleViolation("status", "status must be PENDING, ACCEPTED or REJECTED");
    }
    int size = Page.limit(limit);
    List<RevisionView> rows =
        queries
            .query(
                new ListRevisions(status, Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(RevisionView.class))
            .join();
    return Page.of(rows, size, RevisionProjection::key, uri, null);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getRevision",
      summary = "One target revision with its decision, if any",
      description =
          "The revision as listed: the target it changes (kind), the values proposed, the"
              + " evidence lessons measured and, once decided, who decided, when and why.")
  @APIResponse(
      responseCode = "200",
      description = "The revision",
      content = @Content(schema = @Schema(implementation = RevisionView.class)))
  @APIResponse(responseCode = "404", description = "No such revision")
  public RevisionView get(@PathParam("id") String id) {
    return queries
        .query(new FindRevision(id), ResponseTypes.optionalInstanceOf(RevisionView.class))
        .join()
        .orElseThrow(() -> new NotFound("Revision", id));
  }

  @POST
  @RolesAllowed({Roles.BCM_MANAGER, Roles.PROCESS_OWNER})
  @Operation(
      operationId = "proposeRevision",
      summary = "Propose new recovery targets for a process by hand",
      description =
          "proposedRto and optional proposedMtpd are ISO-8601 durations; the revision starts"
              + " PENDING until a process owner or BCM manager decides on it.")
  @APIResponse(
      responseCode = "201",
      description = "Proposed; Location names the revision",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  @APIResponse(responseCode = "404", description = "No such (active) process")
  @APIResponse(responseCode = "422", description = "A rule is broken, e.g. a non-positive RTO")
  public Response propose(
      ProposalRequest request, @Context UriInfo uri, @Context SecurityContext security) {
    validator.check(request);
    queries
        .query(new FindNode(request.processId()), ResponseTypes.optionalInstanceOf(Node.class))
        .join()
        .filter(node -> node.kind() == NodeKind.PROCESS && !node.retired())
        .orElseThrow(() -> new NotFound("processId", "Process", request.processId()));
    ProcessView process =
        queries
            .query(
                new FindProcess(request.processId()),
                ResponseTypes.optionalInstanceOf(ProcessView.class))
            .join()
            .orElse(null);
    if (process != null) {
      Ownership.check(process, security);
    }
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(
        new ProposeTargetRevision(
            id,
            request.processId(),
            null,
            process == null ? null : process.rto(),
            null,
            request.proposedRto(),
            request.rationale().strip(),
            security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName(),
            request.proposedMtpd()));
    return Response.created(uri.getAbsolutePathBuilder().path(id).build())
        .entity(new Created(id))
        .build();
  }

  @POST
  @Path("/{id}/decision")
  @RolesAllowed({Roles.BCM_MANAGER, Roles.PROCESS_OWNER})
  @Operation(
      operationId = "decideRevision",
      summary = "Accept or reject a target revision",
      description =
          "ACCEPT sets the revised target (RTO, MTPD or RPO) to the proposal, keeping the"
              + " others (source REVISION), and publishes RecoveryTargetsSet; if the RTO would"
              + " exceed the MTPD, send a new mtpd (otherwise 422 naming mtpd). Accepting a"
              + " THREAT_LIKELIHOOD revision rates the threat's likelihood anew (publishes"
              + " ThreatLikelihoodChanged); only a bcm-manager decides on those. Decision and"
              + " change are one transaction; the published RevisionDecided names the lessons"
              + " proposal (and the threat), so lessons-service learns the proposal's fate.")
  @APIResponse(
      responseCode = "200",
      description = "Decided",
      content = @Content(schema = @Schema(implementation = RevisionDecided.class)))
  @APIResponse(responseCode = "404", description = "No such revision, or its process is unknown")
  @APIResponse(responseCode = "409", description = "Already decided, or the process is retired")
  @APIResponse(responseCode = "422", description = "The proposed RTO would exceed the MTPD")
  @APIResponse(
      responseCode = "403",
      description = "A process owner, but not of this process (or of a threat's likelihood)")
  public RevisionDecided decide(
      @PathParam("id") String id, DecisionRequest request, @Context SecurityContext security) {
    validator.check(request);
    boolean accept = request.decision() == Decision.ACCEPT;
    if (!accept && request.mtpd() != null) {
      throw new RuleViolation("mtpd", "Only an accepting decision may set an MTPD");
    }
    Outcome outcome =
        decisions.decide(
            id,
            accept,
            request.reason().strip(),
            request.mtpd(),
            processId -> {
              if (processId == null) {
                if (!security.isUserInRole(Roles.BCM_MANAGER)) {
                  throw new NotPermitted("Only a bcm-manager decides on a threat's likelihood");
                }
                return;
              }
              queries
                  .query(
                      new FindProcess(processId),
                      ResponseTypes.optionalInstanceOf(ProcessView.class))
                  .join()
                  .ifPresent(process -> Ownership.check(process, security));
            });
    return new RevisionDecided(
        id,
        accept ? "ACCEPTED" : "REJECTED",
        outcome.processId(),
        outcome.processVersion(),
        outcome.threatId());
  }

  /**
   * The outcome of a decision; processVersion is set when the targets changed. A likelihood
   * revision names its threat instead of a process.
   */
  public record RevisionDecided(
      String revisionId, String status, String processId, Long processVersion, String threatId) {}
}
