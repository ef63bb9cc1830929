package nl.herstel.lessons.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.herstel.lessons.api.LessonsQueries.ListBiaChanges;
import nl.herstel.lessons.api.LessonsQueries.ListRevisionProposals;
import nl.herstel.lessons.api.ProposalKind;
import nl.herstel.lessons.query.BiaChangeView;
import nl.herstel.lessons.query.RevisionProposalProjection;
import nl.herstel.lessons.query.RevisionProposalView;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The BIA revisions lessons proposed (RTO, MTPD, RPO; DOMAIN.md, "Improve"), each with its evidence
 * and its fate: published to bia-service, where the process owner accepts or rejects it, and the
 * decision comes back here.
 */
@Path("/revision-proposals")
@RequestScoped
@Tag(name = "Revision proposals")
@Produces(MediaType.APPLICATION_JSON)
public class RevisionProposalResource {
  private static final Set<String> STATUSES = Set.of("PROPOSED", "ACCEPTED", "REJECTED");
  private static final String KEY_SEPARATOR = "|";

  @Inject QueryGateway queries;

  @GET
  @RolesAllowed({
    Roles.MANAGEMENT,
    Roles.BCM_MANAGER,
    Roles.INCIDENT_COMMANDER,
    Roles.AUDITOR,
    Roles.PROCESS_OWNER
  })
  @Operation(
      operationId = "listRevisionProposals",
      summary = "List the BIA revisions lessons proposed, with their evidence and fate",
      description =
          "Newest first, pages of `limit` (1–1000, default 50); follow `next`. Filters:"
              + " status=PROPOSED (not decided yet), ACCEPTED or REJECTED; kind=RTO, MTPD, RPO or"
              + " THREAT_LIKELIHOOD; processId; incidentId. An RTO or MTPD proposal after a breach"
              + " proposes the recovery time rounded up to the whole hour, an RPO proposal the data"
              + " lost rounded up likewise, an RTO proposal from recoveries consistently met with"
              + " margin the slowest of them rounded up. A THREAT_LIKELIHOOD proposal names a"
              + " threat instead of a process: the incidents of its category in the year up to a"
              + " closed incident (not dismissed, merged ones once) amount on the likelihood scale"
              + " (default 0/yr 1, 1 2, 2-3 3, 4-11 4, 12+ 5) to more than the BIA's likelihood;"
              + " the incidents are its evidence. Whether one is accepted is decided in the BIA.")
  @APIResponse(
      responseCode = "200",
      description = "A page of proposals",
      content = @Content(schema = @Schema(implementation = Pages.RevisionProposalPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad status, kind, limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<RevisionProposalView> list(
      @QueryParam("status") String status,
      @QueryParam("kind") String kind,
      @QueryParam("processId") String processId,
      @QueryParam("incidentId") String incidentId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (status != null && !STATUSES.contains(status)) {
      errors.add(new Problem.FieldError("status", "must be PROPOSED, ACCEPTED or REJECTED"));
    }
    ProposalKind revisionKind = null;
    if (kind != null) {
      try {
        revisionKind = ProposalKind.valueOf(kind);
      } catch (IllegalArgumentException e) {
        errors.add(new Problem.FieldError("kind", "must be RTO, MTPD, RPO or THREAT_LIKELIHOOD"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequest(errors);
    }
    int size = Page.limit(limit);
    Instant afterProposedAt = null;
    String afterId = null;
    String after = Page.after(cursor);
    if (after != null) {
      int split = after.indexOf(KEY_SEPARATOR);
      try {
        afterProposedAt = Instant.parse(split < 0 ? after : after.substring(0, split));
      } catch (DateTimeParseException e) {
        throw new InvalidRequest(
            List.of(new Problem.FieldError("cursor", "not a cursor of this list")));
      }
      afterId = split < 0 ? "" : after.substring(split + 1);
    }
    List<RevisionProposalView> rows =
        queries
            .query(
                new ListRevisionProposals(
                    status, revisionKind, processId, incidentId, afterProposedAt, afterId, size),
                ResponseTypes.multipleInstancesOf(RevisionProposalView.class))
            .join();
    return Page.of(rows, size, p -> p.proposedAt() + KEY_SEPARATOR + p.id(), uri, null);
  }

  @GET
  @Path("/decided")
  @RolesAllowed({Roles.MANAGEMENT, Roles.BCM_MANAGER, Roles.AUDITOR, Roles.PROCESS_OWNER})
  @Operation(
      operationId = "listBiaChanges",
      summary = "Which lessons changed the BIA in a period",
      description =
          "The proposals the BIA decided in [from, to) (ISO-8601 instants, both required), in the"
              + " order decided: kind, the figure before and the one proposed (after, when"
              + " accepted), accepted or rejected, by whom and why. Pages of `limit` (1–1000,"
              + " default 50); follow `next`.")
  @APIResponse(
      responseCode = "200",
      description = "A page of the decided proposals",
      content = @Content(schema = @Schema(implementation = Pages.BiaChangePage.class)))
  @APIResponse(
      responseCode = "400",
      description = "from or to missing or not an instant, or to not after from",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<BiaChangeView> decided(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    List<Problem.FieldError> errors = new ArrayList<>();
    Instant start = instant("from", from, errors);
    Instant end = instant("to", to, errors);
    if (start != null && end != null && !end.isAfter(start)) {
      errors.add(new Problem.FieldError("to", "must lie after from"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequest(errors);
    }
    List<BiaChangeView> rows =
        queries
            .query(
                new ListBiaChanges(start, end, after, size),
                ResponseTypes.multipleInstancesOf(BiaChangeView.class))
            .join();
    return Page.of(rows, size, RevisionProposalProjection::changeKey, uri, null);
  }

  private static Instant instant(String field, String value, List<Problem.FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new Problem.FieldError(field, "is required"));
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new Problem.FieldError(field, "must be an ISO-8601 instant"));
      return null;
    }
  }
}
