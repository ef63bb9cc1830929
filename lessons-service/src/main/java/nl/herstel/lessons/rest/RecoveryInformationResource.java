package nl.herstel.lessons.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.herstel.lessons.api.LessonsQueries.FindIncidentStory;
import nl.herstel.lessons.api.LessonsQueries.FindRecoveryInformation;
import nl.herstel.lessons.api.LessonsQueries.ListRecoveryInformation;
import nl.herstel.lessons.api.LessonsQueries.SummarizeRecoveryInformation;
import nl.herstel.lessons.api.RecoveryPeriod;
import nl.herstel.lessons.query.IncidentStoryView;
import nl.herstel.lessons.query.LessonsProjection;
import nl.herstel.lessons.query.RecoveryInformationView;
import nl.herstel.lessons.query.RecoverySummary;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Recovery information (DOMAIN.md): how long recovering each process took in an incident, against
 * the RTO and MTPD that applied, with the incident's story and figures; and aggregated over many
 * incidents per period, category, process and asset.
 */
@Path("/recovery-information")
@RequestScoped
@Tag(name = "Recovery information")
@Produces(MediaType.APPLICATION_JSON)
public class RecoveryInformationResource {
  /** The longest span the summary aggregates over. */
  static final int MAX_YEARS = 20;

  private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z_]{0,39}");

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
      operationId = "listRecoveryInformation",
      summary = "List the recovery information of closed incidents",
      description =
          "Most recently closed first. An incident appears shortly after incident-service closes"
              + " it. Pages of `limit` (1–1000, default 50); follow `next`.")
  @APIResponse(
      responseCode = "200",
      description = "A page of recovery information",
      content = @Content(schema = @Schema(implementation = Pages.RecoveryInformationPage.class)))
  @APIResponse(responseCode = "400", description = "A bad limit or cursor")
  public Page<RecoveryInformationView> list(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    List<RecoveryInformationView> rows =
        queries
            .query(
                new ListRecoveryInformation(Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(RecoveryInformationView.class))
            .join();
    return Page.of(rows, size, LessonsProjection::key, uri, null);
  }

  @GET
  @Path("/{incidentId}")
  @RolesAllowed({
    Roles.MANAGEMENT,
    Roles.BCM_MANAGER,
    Roles.INCIDENT_COMMANDER,
    Roles.AUDITOR,
    Roles.PROCESS_OWNER
  })
  @Operation(
      operationId = "getRecoveryInformation",
      summary = "The recovery information of one incident",
      description =
          "Once the incident is closed and reviewed, per restored process: the RTO and MTPD that"
              + " applied, the actual recovery time (ISO-8601, e.g. PT11H) and the verdict MET,"
              + " RTO_BREACHED or MTPD_BREACHED (null when the process's targets were unknown);"
              + " and the target revisions proposed. Before that, closedAt is null and both lists"
              + " are empty. `story` holds the incident's story as incident-service published it,"
              + " with its figures: time to detect (disruption to first alert), to activate the"
              + " plan, to recover; per process recovery time against RTO and MTPD and data loss"
              + " against RPO, with the deadlines breached; per asset the longest recovery of the"
              + " incident's processes; costs per kind and in total per currency; notification"
              + " timeliness; counts of tasks and decisions; every transition. A merged incident"
              + " names the one it was merged into (`story.mergedInto`).")
  @APIResponse(
      responseCode = "200",
      description = "The incident's recovery information",
      content = @Content(schema = @Schema(implementation = RecoveryInformationView.class)))
  @APIResponse(
      responseCode = "404",
      description = "lessons-service knows no incident with this id",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public RecoveryInformationView get(@PathParam("incidentId") String incidentId) {
    Optional<IncidentStoryView> story =
        queries
            .query(
                new FindIncidentStory(incidentId),
                ResponseTypes.optionalInstanceOf(IncidentStoryView.class))
            .join();
    return queries
        .query(
            new FindRecoveryInformation(incidentId),
            ResponseTypes.optionalInstanceOf(RecoveryInformationView.class))
        .join()
        .map(review -> review.withStory(story.orElse(null)))
        .or(() -> story.map(RecoveryInformationView::of))
        .orElseThrow(() -> new NotFound("Incident", incidentId));
  }

  @GET
  @Path("/summary")
  @RolesAllowed({
    Roles.MANAGEMENT,
    Roles.BCM_MANAGER,
    Roles.INCIDENT_COMMANDER,
    Roles.AUDITOR,
    Roles.PROCESS_OWNER
  })
  @Operation(
      operationId = "summarizeRecoveryInformation",
      summary = "Recovery information aggregated per period, category, process and asset",
      description =
          "Over the incidents whose disruption began from `from` to `to` (both inclusive, UTC"
              + " days, at most "
              + MAX_YEARS
              + " years apart): per `period` bucket (MONTH, QUARTER or YEAR; the trend) and in"
              + " total, the incidents counted (an incident merged into another is not counted on"
              + " its own; dismissed false positives are reported apart and left out of every"
              + " other figure), mean time to detect, to activate the plan and to recover, the"
              + " share of restored processes that met RTO, MTPD and RPO, mean time to restore from"
              + " backup (over restorations whose data was restored to a point before the"
              + " disruption: disruption to restoration), data loss, costs per kind and in total"
              + " per currency, notification timeliness; the frequency of each category per year;"
              + " per process and per asset the count and mean, max and 90th percentile recovery"
              + " time against the targets. `category` and `processId` narrow it to incidents of"
              + " that category or that disrupted that process. An unknown query parameter is a"
              + " 400 naming it.")
  @APIResponse(
      responseCode = "200",
      description = "The aggregated recovery information",
      content = @Content(schema = @Schema(implementation = RecoverySummary.class)))
  @APIResponse(
      responseCode = "400",
      description = "A parameter is missing or malformed; the problem names it",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public RecoverySummary summary(
      @Parameter(description = "First day, ISO-8601 (2026-01-01), UTC; required")
          @QueryParam("from")
          String from,
      @Parameter(description = "Last day, inclusive, ISO-8601; required") @QueryParam("to")
          String to,
      @Parameter(description = "MONTH (default), QUARTER or YEAR") @QueryParam("period")
          String period,
      @Parameter(description = "Only incidents of this category, e.g. RANSOMWARE")
          @QueryParam("category")
          String category,
      @Parameter(description = "Only incidents that disrupted this process")
          @QueryParam("processId")
          String processId) {
    List<Problem.FieldError> errors = new ArrayList<>();
    LocalDate first = date("from", from, errors);
    LocalDate last = date("to", to, errors);
    if (first != null && last != null) {
      if (last.isBefore(first)) {
        errors.add(new Problem.FieldError("to", "must not be before from (" + first + ")"));
      } else if (last.isAfter(first.plusYears(MAX_YEARS))) {
        errors.add(
            new Problem.FieldError("to", "must be at most " + MAX_YEARS + " years after from"));
      }
    }
    RecoveryPeriod size = RecoveryPeriod.MONTH;
    if (period != null) {
      try {
        size = RecoveryPeriod.valueOf(period);
      } catch (IllegalArgumentException e) {
        errors.add(new Problem.FieldError("period", "must be MONTH, QUARTER or YEAR"));
      }
    }
    if (category != null && !CATEGORY.matcher(category).matches()) {
      errors.add(
          new Problem.FieldError(
              "category", "must be a category in capitals, e.g. RANSOMWARE or DATA_BREACH"));
    }
    if (processId != null && (processId.isBlank() || processId.length() > 255)) {
      errors.add(new Problem.FieldError("processId", "must be 1 to 255 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequest(errors);
    }
    return queries
        .query(
            new SummarizeRecoveryInformation(first, last, size, category, processId),
            ResponseTypes.instanceOf(RecoverySummary.class))
        .join();
  }

  private static LocalDate date(String name, String value, List<Problem.FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new Problem.FieldError(name, "is required, an ISO-8601 date such as 2026-01-31"));
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new Problem.FieldError(name, "must be an ISO-8601 date such as 2026-01-31"));
      return null;
    }
  }
}
