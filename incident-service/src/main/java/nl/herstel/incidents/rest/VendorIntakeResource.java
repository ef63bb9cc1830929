package nl.herstel.incidents.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import nl.herstel.incidents.intake.Alert;
import nl.herstel.incidents.intake.AlertmanagerAdapter;
import nl.herstel.incidents.intake.ElasticAdapter;
import nl.herstel.incidents.intake.OcsfAdapter;
import nl.herstel.incidents.intake.PagerDutyAdapter;
import nl.herstel.incidents.intake.SentinelAdapter;
import nl.herstel.incidents.intake.TheHiveAdapter;
import nl.herstel.incidents.rest.IntakeResource.IntakeAnswer;
import nl.herstel.platform.rest.RequestValidator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Intake in the formats SOC tools already emit. Each adapter maps severity, time, asset and source
 * id into our alert and keeps the payload as raw data on the event; what it cannot map is a 400
 * naming the field as the vendor spells it. Idempotent like the main intake: the same vendor alert
 * again answers the same incident.
 */
@Path("/intake")
@IntakeAuthenticated
@RequestScoped
@Tag(name = "Intake")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VendorIntakeResource {
  @Inject AlertIntake intake;
  @Inject RequestValidator validator;

  /** The incidents a multi-alert webhook opened or found, in the order of its alerts. */
  public record IntakeAnswers(List<IntakeAnswer> incidents) {}

  @POST
  @Path("/alertmanager")
  @PermitAll
  @Operation(
      summary = "Prometheus Alertmanager webhook (version 4)",
      description =
          "Each firing alert becomes one alert (source alertmanager, id its fingerprint);"
              + " resolved alerts open nothing. Asset: label asset, else the host of label"
              + " instance. Severity label: critical/page → CRITICAL, high/error/major → HIGH,"
              + " warning/medium → MEDIUM, info/low/none → LOW, absent → MEDIUM. Detected at"
              + " startsAt. All alerts are checked before any is stored.")
  @APIResponse(responseCode = "202", description = "Stored; the incidents in the alerts' order")
  @APIResponse(
      responseCode = "400",
      description = "An alert cannot be mapped; the field is named, e.g. alerts[0].labels.instance")
  public Response alertmanager(JsonNode webhook) {
    return Response.accepted(new IntakeAnswers(reportAll(AlertmanagerAdapter.map(webhook))))
        .build();
  }

  @POST
  @Path("/pagerduty")
  @PermitAll
  @Operation(
      summary = "PagerDuty Events API v2 event",
      description =
          "A trigger becomes an alert (source pagerduty, id the dedup_key, or a hash of summary,"
              + " source and timestamp when absent); acknowledge and resolve open nothing and"
              + " answer status IGNORED. Assets: payload.source and payload.component. Severity"
              + " critical/error/warning/info → CRITICAL/HIGH/MEDIUM/LOW. The routing_key is"
              + " never stored.")
  @APIResponse(responseCode = "202", description = "Stored; Location names the incident")
  @APIResponse(responseCode = "400", description = "A field cannot be mapped; it is named")
  public Response pagerDuty(JsonNode event, @Context UriInfo uri) {
    Optional<Alert> alert = PagerDutyAdapter.map(event);
    if (alert.isEmpty()) {
      return Response.accepted(new IntakeAnswer(null, "IGNORED", false, false)).build();
    }
    return one(alert.get(), uri);
  }

  @POST
  @Path("/thehive")
  @PermitAll
  @Operation(
      summary = "TheHive alert",
      description =
          "Source thehive, id type/source/sourceRef. Assets: hostname, fqdn, domain and ip"
              + " observables (or TheHive 4 artifacts). Severity 1–4 → LOW, MEDIUM, HIGH, CRITICAL"
              + " (absent → MEDIUM). Detected at date (epoch milliseconds).")
  @APIResponse(responseCode = "202", description = "Stored; Location names the incident")
  @APIResponse(responseCode = "400", description = "A field cannot be mapped; it is named")
  public Response theHive(JsonNode alert, @Context UriInfo uri) {
    return one(TheHiveAdapter.map(alert), uri);
  }

  @POST
  @Path("/sentinel")
  @PermitAll
  @Operation(
      summary = "Microsoft Sentinel incident",
      description =
          "The incident resource, bare or wrapped in object (automation rule trigger). Source"
              + " sentinel, id the incident name (GUID). Assets: related Host, Ip and"
              + " AzureResource entities. Severity High/Medium/Low/Informational → HIGH, MEDIUM,"
              + " LOW, LOW. Detected at firstActivityTimeUtc, else createdTimeUtc.")
  @APIResponse(responseCode = "202", description = "Stored; Location names the incident")
  @APIResponse(responseCode = "400", description = "A field cannot be mapped; it is named")
  public Response sentinel(JsonNode incident, @Context UriInfo uri) {
    return one(SentinelAdapter.map(incident), uri);
  }

  @POST
  @Path("/elastic")
  @PermitAll
  @Operation(
      summary = "Elastic Security alert",
      description =
          "An alert document, nested or with dotted keys. Source elastic, id kibana.alert.uuid,"
              + " title kibana.alert.rule.name, severity kibana.alert.severity, asset host.name"
              + " (else host.hostname, else host.ip), detected at kibana.alert.original_time"
              + " (else @timestamp).")
  @APIResponse(responseCode = "202", description = "Stored; Location names the incident")
  @APIResponse(responseCode = "400", description = "A field cannot be mapped; it is named")
  public Response elastic(JsonNode alert, @Context UriInfo uri) {
    return one(ElasticAdapter.map(alert), uri);
  }

  @POST
  @Path("/ocsf")
  @PermitAll
  @Operation(
      summary = "OCSF Incident Finding (class_uid 2005)",
      description =
          "Source ocsf/<metadata.product.name>, id finding_info_list[0].uid (else"
              + " metadata.correlation_uid). severity_id 0–2 → LOW, 3 → MEDIUM, 4 → HIGH, 5–6 →"
              + " CRITICAL. Assets: resources[].name and device.hostname. Detected at"
              + " first_seen_time, else time.")
  @APIResponse(responseCode = "202", description = "Stored; Location names the incident")
  @APIResponse(responseCode = "400", description = "A field cannot be mapped; it is named")
  public Response ocsf(JsonNode finding, @Context UriInfo uri) {
    return one(OcsfAdapter.map(finding), uri);
  }

  private Response one(Alert alert, UriInfo uri) {
    return IntakeResource.accepted(intake.report(alert), uri);
  }

  /** Checks every alert before storing any, so a bad one stores nothing. */
  private List<IntakeAnswer> reportAll(List<Alert> alerts) {
    alerts.forEach(validator::check);
    return alerts.stream()
        .map(intake::report)
        .map(i -> new IntakeAnswer(i.incidentId(), i.status().name(), i.duplicate(), i.updated()))
        .toList();
  }
}
