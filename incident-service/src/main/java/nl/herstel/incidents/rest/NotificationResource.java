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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.herstel.incidents.api.IncidentCommands.RecordNotificationSubmission;
import nl.herstel.incidents.api.IncidentCommands.RegisterNotificationObligation;
import nl.herstel.incidents.api.IncidentQueries.IncidentExists;
import nl.herstel.incidents.api.IncidentQueries.ListNotificationObligations;
import nl.herstel.incidents.api.NotificationAuthority;
import nl.herstel.incidents.config.NotificationConfig;
import nl.herstel.incidents.query.NotificationObligationView;
import nl.herstel.platform.domain.NotFound;
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
 * Notification obligations with clocks (DOMAIN.md, communication): which authority must be told, on
 * which legal basis, by when, and whether and when it was. The incident commander registers each
 * obligation as the incident is understood (a data breach, a crime, a state actor are judgements,
 * not alert fields); the due time follows from the authority unless the request sets it.
 */
@Path("/{id}/notifications")
@RequestScoped
@Tag(name = "Notification obligations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotificationResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;
  @Inject NotificationConfig config;

  /**
   * A duty to notify an authority.
   *
   * @param authority DATA_PROTECTION_AUTHORITY, NCSC, POLICE or AIVD
   * @param legalBasis the law or policy that demands it; the authority's usual basis when absent
   * @param discoveredAt when the organisation became aware of what triggers it; now when absent
   * @param dueAt when it is due; when absent, from the authority: 72 hours after discovery for the
   *     Data Protection Authority, 24 hours (NIS2 early warning) for the NCSC, the configured
   *     durations for police and AIVD, or none
   */
  public record ObligationRequest(
      @NotNull NotificationAuthority authority,
      @Size(max = 500) String legalBasis,
      Instant discoveredAt,
      Instant dueAt) {}

  /**
   * A notification as submitted to its authority.
   *
   * @param reference the authority's reference (case or receipt number)
   * @param submittedAt when it was submitted; now when absent
   */
  public record SubmissionRequest(
      @NotBlank @Size(max = 500) String reference, Instant submittedAt) {}

  /** The registered obligation and when it is due (null: no due time). */
  public record ObligationAnswer(
      String incidentId, String obligationId, String authority, Instant dueAt) {}

  /** The submission as recorded. */
  public record SubmissionAnswer(String incidentId, String obligationId, Instant submittedAt) {}

  @GET
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RECOVERY_TEAM, Roles.MANAGEMENT, Roles.AUDITOR})
  @Operation(
      operationId = "listNotificationObligations",
      summary = "The notification obligations of an incident",
      description =
          "In the order registered, each with authority, legalBasis, discoveredAt, dueAt, status"
              + " (OPEN, OVERDUE, SUBMITTED, SUBMITTED_LATE), remaining (ISO-8601 duration and"
              + " remainingSeconds until dueAt, negative once passed; null when submitted or"
              + " without due time), who registered it, the submission (submittedAt, reference,"
              + " submittedBy) and overdueAt, when the clock recorded NotificationOverdue.")
  @APIResponse(
      responseCode = "200",
      description = "The obligations",
      content = @Content(schema = @Schema(implementation = Pages.NotificationObligationPage.class)))
  @APIResponse(responseCode = "404", description = "No such incident")
  public Page<NotificationObligationView> list(
      @PathParam("id") String id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    String incidentId = Incidents.existing(queries, id);
    List<NotificationObligationView> rows =
        queries
            .query(
                new ListNotificationObligations(incidentId, after, size),
                ResponseTypes.multipleInstancesOf(NotificationObligationView.class))
            .join();
    return Page.of(rows, size, NotificationObligationView::obligationId, uri, null);
  }

  @POST
  @RolesAllowed(Roles.INCIDENT_COMMANDER)
  @Operation(
      operationId = "registerNotificationObligation",
      summary = "Register a duty to notify an authority",
      description =
          "authority: DATA_PROTECTION_AUTHORITY (personal data breach; due 72 hours after"
              + " discoveredAt, GDPR art. 33), NCSC (serious incident at a vital or essential"
              + " provider; only when the organisation is configured as one; due 24 hours after"
              + " discoveredAt, the NIS2 early warning), POLICE (crime), AIVD (suspected state"
              + " actor); the last two are due when configured, else have no due time. dueAt in"
              + " the request overrides the default and may not lie before discoveredAt. One"
              + " obligation per authority and incident. When dueAt passes unsubmitted,"
              + " NotificationOverdue is recorded in the incident's history.")
  @APIResponse(
      responseCode = "202",
      description = "Registered; the answer gives id and dueAt",
      content = @Content(schema = @Schema(implementation = ObligationAnswer.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed, or unknown")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(
      responseCode = "409",
      description = "The incident is closed, or has an obligation for this authority already")
  @APIResponse(
      responseCode = "422",
      description =
          "dueAt before discoveredAt, discoveredAt in the future, or NCSC while the"
              + " organisation is no vital or essential provider")
  public Response register(
      @PathParam("id") String id, ObligationRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = Incidents.uuid(id);
    NotificationAuthority authority = request.authority();
    if (authority == NotificationAuthority.NCSC && !config.wbniProvider()) {
      throw new RuleViolation(
          "authority",
          "The organisation is not configured as a vital or essential provider"
              + " (herstel.organisation.wbni-provider), so it has no duty to notify the NCSC");
    }
    Instant now = Instant.now();
    Instant discoveredAt = request.discoveredAt() == null ? now : request.discoveredAt();
    Instant dueAt =
        request.dueAt() != null
            ? request.dueAt()
            : config.due(authority).map(discoveredAt::plus).orElse(null);
    String legalBasis =
        request.legalBasis() == null || request.legalBasis().isBlank()
            ? authority.defaultLegalBasis()
            : request.legalBasis().strip();
    String obligationId = UUID.randomUUID().toString();
    commands.sendAndWait(
        new RegisterNotificationObligation(
            incidentId, obligationId, authority, legalBasis, discoveredAt, dueAt, now));
    return Response.accepted(
            new ObligationAnswer(incidentId, obligationId, authority.name(), dueAt))
        .location(uri.getBaseUriBuilder().path(incidentId).path("notifications").build())
        .build();
  }

  @POST
  @Path("/{obligationId}/submission")
  @RolesAllowed(Roles.INCIDENT_COMMANDER)
  @Operation(
      operationId = "submitNotification",
      summary = "Record that a notification was submitted",
      description =
          "reference: the authority's reference; submittedAt: when (default now), not before the"
              + " obligation's discoveredAt and not in the future. Who submitted it is the caller."
              + " Once per obligation; allowed after closure, as the duty to notify outlives the"
              + " recovery operation. After dueAt the status becomes SUBMITTED_LATE.")
  @APIResponse(
      responseCode = "202",
      description = "Recorded",
      content = @Content(schema = @Schema(implementation = SubmissionAnswer.class)))
  @APIResponse(responseCode = "400", description = "reference missing or a field malformed")
  @APIResponse(responseCode = "404", description = "No such incident or obligation")
  @APIResponse(responseCode = "409", description = "Submitted already")
  @APIResponse(responseCode = "422", description = "submittedAt before discovery or in the future")
  public Response submit(
      @PathParam("id") String id,
      @PathParam("obligationId") String obligationId,
      SubmissionRequest request,
      @Context UriInfo uri) {
    validator.check(request);
    String incidentId = Incidents.uuid(id);
    Instant now = Instant.now();
    Instant submittedAt = request.submittedAt() == null ? now : request.submittedAt();
    commands.sendAndWait(
        new RecordNotificationSubmission(
            incidentId, obligationId, submittedAt, request.reference().strip(), now));
    return Response.accepted(new SubmissionAnswer(incidentId, obligationId, submittedAt))
        .location(uri.getBaseUriBuilder().path(incidentId).path("notifications").build())
        .build();
  }

  /** Incident ids in paths: UUIDs, known to the event store. */
  static final class Incidents {
    private Incidents() {}

    static String uuid(String id) {
      try {
        return UUID.fromString(id).toString();
      } catch (IllegalArgumentException notAUuid) {
        throw new NotFound("Incident", id);
      }
    }

    static String existing(QueryGateway queries, String id) {
      String incidentId = uuid(id);
      if (!Boolean.TRUE.equals(
          queries.query(new IncidentExists(incidentId), Boolean.class).join())) {
        throw new NotFound("Incident", id);
      }
      return incidentId;
    }
  }
}
