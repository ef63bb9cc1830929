package nl.herstel.lessons.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.herstel.lessons.api.LessonsQueries.IncidentReport;
import nl.herstel.lessons.api.LessonsQueries.PeriodReport;
import nl.herstel.lessons.query.ManagementReport;
import nl.herstel.lessons.report.ReportRenderer;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Problem.FieldError;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The management report (DOMAIN.md, "Continuous learning"), for a period or one incident: a web
 * page (server-rendered XHTML, charts as inline SVG, no JavaScript), the same as PDF, or its
 * figures as JSON — chosen by the {@code Accept} header or by {@code format}.
 */
@Path("/reports")
@RequestScoped
@Tag(name = "Management report")
public class ReportResource {
  private static final String PDF = "application/pdf";
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final int MAX_DAYS = 366 * 5;

  @Inject QueryGateway queries;
  @Inject HttpHeaders headers;

  @GET
  @Path("/period")
  @Produces({MediaType.TEXT_HTML, PDF, MediaType.APPLICATION_JSON})
  @RolesAllowed({Roles.MANAGEMENT, Roles.AUDITOR, Roles.BCM_MANAGER})
  @Operation(
      operationId = "lessonsPeriodReport",
      summary = "The management report for a period",
      description =
          "The incidents whose disruption began in the period, their impact on processes against"
              + " RTO, MTPD and RPO, costs, notification timeliness, evaluations, improvement"
              + " actions and the BIA changes that resulted, with findings for the investment"
              + " question. Give `period` (2026, 2026-Q4 or 2026-11) or `from` and `to` (dates,"
              + " both inclusive, UTC; at most five years). As text/html (default for browsers),"
              + " application/pdf or application/json, by Accept or `format`.")
  @APIResponse(
      responseCode = "200",
      description = "The report",
      content = {
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ManagementReport.class))
      })
  @APIResponse(responseCode = "400", description = "A parameter is missing or malformed")
  public Response period(
      @Parameter(description = "2026, 2026-Q4 or 2026-11") @QueryParam("period") String period,
      @Parameter(description = "First day, e.g. 2026-10-01") @QueryParam("from") String from,
      @Parameter(description = "Last day, inclusive") @QueryParam("to") String to,
      @Parameter(description = "html, pdf or json; overrides Accept") @QueryParam("format")
          String format) {
    String type = format(format);
    LocalDate[] days = days(period, from, to);
    ManagementReport report =
        queries
            .query(
                new PeriodReport(days[0], days[1]),
                ResponseTypes.instanceOf(ManagementReport.class))
            .join();
    String name = "herstel-report-" + (period != null ? period : days[0] + "_" + days[1]);
    return answer(report, type, name);
  }

  @GET
  @Path("/incidents/{incidentId}")
  @Produces({MediaType.TEXT_HTML, PDF, MediaType.APPLICATION_JSON})
  @RolesAllowed({Roles.MANAGEMENT, Roles.AUDITOR, Roles.BCM_MANAGER, Roles.INCIDENT_COMMANDER})
  @Operation(
      operationId = "lessonsIncidentReport",
      summary = "The management report for one incident",
      description =
          "The same report for one incident lessons-service knows: its processes against their"
              + " targets, costs, notifications, evaluations, improvement actions and BIA changes."
              + " As text/html, application/pdf or application/json, by Accept or `format`.")
  @APIResponse(
      responseCode = "200",
      description = "The report",
      content = {
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ManagementReport.class))
      })
  @APIResponse(responseCode = "404", description = "lessons-service knows no such incident")
  public Response incident(
      @PathParam("incidentId") String incidentId,
      @Parameter(description = "html, pdf or json; overrides Accept") @QueryParam("format")
          String format) {
    String type = format(format);
    ManagementReport report =
        queries
            .query(
                new IncidentReport(incidentId),
                ResponseTypes.optionalInstanceOf(ManagementReport.class))
            .join()
            .orElseThrow(() -> new NotFound("Incident", incidentId));
    return answer(report, type, "herstel-incident-report-" + safe(incidentId));
  }

  private Response answer(ManagementReport report, String type, String name) {
    return switch (type) {
      case PDF ->
          Response.ok(ReportRenderer.pdf(report), PDF)
              .header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"")
              .header("Cache-Control", "no-store")
              .build();
      case MediaType.APPLICATION_JSON ->
          Response.ok(report, MediaType.APPLICATION_JSON_TYPE)
              .header("Cache-Control", "no-store")
              .build();
      default ->
          Response.ok(ReportRenderer.html(report), MediaType.TEXT_HTML + ";charset=UTF-8")
              .header("Cache-Control", "no-store")
              .build();
    };
  }

  /** The media type asked for: {@code format} wins; else the best of Accept; else HTML. */
  private String format(String format) {
    if (format != null) {
      return switch (format.toLowerCase(Locale.ROOT)) {
        case "html" -> MediaType.TEXT_HTML;
        case "pdf" -> PDF;
        case "json" -> MediaType.APPLICATION_JSON;
        default ->
            throw new InvalidRequest(
                List.of(new FieldError("format", "Must be html, pdf or json")));
      };
    }
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      if (accepted.isCompatible(MediaType.TEXT_HTML_TYPE) && !accepted.isWildcardType()) {
        return MediaType.TEXT_HTML;
      }
      if (accepted.isCompatible(MediaType.valueOf(PDF)) && !accepted.isWildcardType()) {
        return PDF;
      }
      if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !accepted.isWildcardType()) {
        return MediaType.APPLICATION_JSON;
      }
    }
    return MediaType.TEXT_HTML;
  }

  /** The first and last day of the period asked for, validated. */
  static LocalDate[] days(String period, String from, String to) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate first = null;
    LocalDate last = null;
    if (period != null) {
      if (from != null || to != null) {
        errors.add(new FieldError("period", "Give either period or from and to, not both"));
      }
      Matcher quarter = QUARTER.matcher(period);
      if (quarter.matches()) {
        int year = Integer.parseInt(quarter.group(1));
        int q = Integer.parseInt(quarter.group(2));
        first = LocalDate.of(year, (q - 1) * 3 + 1, 1);
        last = first.plusMonths(3).minusDays(1);
      } else if (MONTH.matcher(period).matches()) {
        try {
          YearMonth month = YearMonth.parse(period);
          first = month.atDay(1);
          last = month.atEndOfMonth();
        } catch (DateTimeParseException e) {
          errors.add(new FieldError("period", "Not a month: " + period));
        }
      } else if (YEAR.matcher(period).matches()) {
        int year = Integer.parseInt(period);
        first = LocalDate.of(year, 1, 1);
        last = LocalDate.of(year, 12, 31);
      } else {
        errors.add(
            new FieldError(
                "period", "Must be a year (2026), quarter (2026-Q4) or month (2026-11)"));
      }
    } else {
      first = date("from", from, errors);
      last = date("to", to, errors);
      if (first != null && last != null) {
        if (last.isBefore(first)) {
          errors.add(new FieldError("to", "Must not be before from"));
        } else if (first.plusDays(MAX_DAYS).isBefore(last)) {
          errors.add(new FieldError("to", "A report covers at most five years"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequest(errors);
    }
    return new LocalDate[] {first, last};
  }

  private static LocalDate date(String name, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(
          new FieldError(name, "Required when no period is given (a date, e.g. 2026-10-01)"));
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value);
      if (date.getYear() < 1970 || date.getYear() > 9999) {
        errors.add(new FieldError(name, "Out of range"));
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, "Not a date (yyyy-mm-dd): " + value));
      return null;
    }
  }

  private static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
