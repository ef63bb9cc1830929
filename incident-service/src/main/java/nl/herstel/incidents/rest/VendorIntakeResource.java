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
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.rest.RequestValidator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Intake in the formats SOC tools already emit. Each adapter reads every place the vendor's
 * published schema carries asset hints, maps severity, time and the vendor's id into our alert and
 * keeps the payload as raw data on the event. A payload valid for the vendor is never refused: what
 * cannot be mapped gets a default and is reported in {@code warnings}, hints no asset matches in
 * {@code unresolvedAssets}; only a body from which no alert can be read at all is a 400. Idempotent
 * like the main intake: the same vendor alert again answers the same incident. The answer is the
 * same for every format; a payload that carries several alerts answers a list of it.
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

  /** The incidents a payload with several alerts opened or found, in the order of its alerts. */
  @Schema(description = "One answer per alert of the payload, in its order")
  public record IntakeAnswers(List<IntakeAnswer> incidents) {}

  @POST
  @Path("/alertmanager")
  @PermitAll
  @Operation(
      operationId = "reportAlertmanagerWebhook",
      summary = "Prometheus Alertmanager webhook (version 4)",
      description =
          "Each firing alert becomes one alert (source alertmanager, id its fingerprint, else its"
              + " label set); resolved alerts open nothing. Asset hints, in order: labels asset,"
              + " host, hostname, fqdn, instance (its host), nodename, node, ip, address,"
              + " resource_id. Severity label: critical/page → CRITICAL, high/error/major → HIGH,"
              + " warning/medium → MEDIUM, info/low/none → LOW, absent or unknown → MEDIUM."
              + " Detected at startsAt; correlated by groupKey. Answers one item per firing"
              + " alert.")
  @APIResponse(
      responseCode = "202",
      description = "Stored; one answer per firing alert, in the alerts' order",
      content = @Content(schema = @Schema(implementation = IntakeAnswers.class)))
  @APIResponse(
      responseCode = "400",
      description = "The body has no alerts array: no alert can be read",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      additionalProperties = Schema.True.class,
                      description =
                          "A Prometheus Alertmanager webhook payload (version 4), as Alertmanager sends it; the vendor's schema")))
  public Response alertmanager(JsonNode webhook) {
    return Response.accepted(new IntakeAnswers(reportAll(AlertmanagerAdapter.map(webhook))))
        .build();
  }

  @POST
  @Path("/pagerduty")
  @PermitAll
  @Operation(
      operationId = "reportPagerDutyEvent",
      summary = "PagerDuty Events API v2 event",
      description =
          "A trigger becomes an alert (source pagerduty, id the dedup_key, or a hash of the event"
              + " when absent); acknowledge and resolve open nothing and answer status IGNORED."
              + " Asset hints, in order: payload.custom_details.asset, payload.source,"
              + " payload.component, payload.group, custom_details host, hostname, ip. Severity"
              + " critical/error/warning/info → CRITICAL/HIGH/MEDIUM/LOW. The routing_key is"
              + " never stored.")
  @APIResponse(
      responseCode = "202",
      description = "Stored (Location names the incident), or IGNORED",
      content = @Content(schema = @Schema(implementation = IntakeAnswer.class)))
  @APIResponse(
      responseCode = "400",
      description = "The body is not an event object",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      additionalProperties = Schema.True.class,
                      description =
                          "A PagerDuty Events API v2 event, as PagerDuty sends it; the vendor's schema")))
  public Response pagerDuty(JsonNode event, @Context UriInfo uri) {
    return oneOrIgnored(PagerDutyAdapter.map(event), uri);
  }

  @POST
  @Path("/thehive")
  @PermitAll
  @Operation(
      operationId = "reportTheHiveAlertOrCase",
      summary = "TheHive alert or case, bare or as a webhook notification",
      description =
          "objectType alert or case with the object in object (TheHive 3/4/5 webhooks), or the"
              + " alert or case itself. Source thehive; an alert's id type/source/sourceRef, a"
              + " case's case/<number>. Asset hints, in order: tags asset:NAME, hostname, fqdn,"
              + " ip and domain observables (or TheHive 4 artifacts), custom field asset."
              + " Severity 1–4 (or severityLabel) → LOW, MEDIUM, HIGH, CRITICAL (absent →"
              + " MEDIUM). Detected at date (a case's startDate). A Delete notification answers"
              + " IGNORED.")
  @APIResponse(
      responseCode = "202",
      description = "Stored (Location names the incident), or IGNORED",
      content = @Content(schema = @Schema(implementation = IntakeAnswer.class)))
  @APIResponse(
      responseCode = "400",
      description = "The body is not an object",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      additionalProperties = Schema.True.class,
                      description =
                          "A TheHive alert or case, as TheHive sends it; the vendor's schema")))
  public Response theHive(JsonNode alert, @Context UriInfo uri) {
    return oneOrIgnored(TheHiveAdapter.map(alert), uri);
  }

  @POST
  @Path("/sentinel")
  @PermitAll
  @Operation(
      operationId = "reportSentinelIncidentOrAlert",
      summary = "Microsoft Sentinel incident or alert",
      description =
          "An incident (bare, or wrapped in object as the automation rule trigger sends it; id"
              + " its name) or an alert (SecurityAlert schema or REST resource; id its"
              + " SystemAlertId). Source sentinel. Asset hints, in order: labels asset:NAME,"
              + " then Host (hostName.dnsDomain, hostName, netBiosName, azureID), Ip (address)"
              + " and Azure resource (resourceId) entities. Severity"
              + " High/Medium/Low/Informational → HIGH, MEDIUM, LOW, LOW. Detected at"
              + " firstActivityTimeUtc (an alert's StartTime), else createdTimeUtc.")
  @APIResponse(
      responseCode = "202",
      description = "Stored; Location names the incident",
      content = @Content(schema = @Schema(implementation = IntakeAnswer.class)))
  @APIResponse(
      responseCode = "400",
      description = "The body is not an object",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      additionalProperties = Schema.True.class,
                      description =
                          "A Microsoft Sentinel incident or alert, as Sentinel sends it; the vendor's schema")))
  public Response sentinel(JsonNode incident, @Context UriInfo uri) {
    return one(SentinelAdapter.map(incident), uri);
  }

  @POST
  @Path("/elastic")
  @PermitAll
  @Operation(
      operationId = "reportElasticSecurityAlerts",
      summary = "Elastic Security detection alerts",
      description =
          "One alert document (nested or dotted ECS keys), an array of them, or {alerts: [...]}"
              + " (the connector's context.alerts). Source elastic, id kibana.alert.uuid, title"
              + " the rule name, severity kibana.alert.severity (else from the risk score). Asset"
              + " hints, in order: tags asset:NAME, labels.asset, host.name, host.hostname,"
              + " host.ip, cloud.instance.id, cloud.instance.name. Detected at"
              + " kibana.alert.original_time, else kibana.alert.start, else @timestamp. One"
              + " document answers one item; several answer a list.")
  @APIResponse(
      responseCode = "202",
      description = "Stored: one answer, or {incidents: [...]} for several documents",
      content = @Content(schema = @Schema(oneOf = {IntakeAnswer.class, IntakeAnswers.class})))
  @APIResponse(
      responseCode = "400",
      description = "The body holds no alert document",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      description =
                          "An Elastic Security alert, or an array of them, as Elastic sends it; the vendor's schema")))
  public Response elastic(JsonNode body, @Context UriInfo uri) {
    List<Alert> alerts = ElasticAdapter.mapAll(body);
    return ElasticAdapter.carriesSeveral(body)
        ? Response.accepted(new IntakeAnswers(reportAll(alerts))).build()
        : one(alerts.get(0), uri);
  }

  @POST
  @Path("/ocsf")
  @PermitAll
  @Operation(
      operationId = "reportOcsfFindings",
      summary = "OCSF Incident Finding (2005) or Detection Finding (2004)",
      description =
          "One finding or an array of them. Source ocsf/<metadata.product.name>, id the"
              + " finding's uid (else metadata.uid, metadata.correlation_uid). severity_id 0–2 →"
              + " LOW, 3 → MEDIUM, 4 → HIGH, 5–6 → CRITICAL. Asset hints, in order:"
              + " metadata.labels asset:NAME, resources[] (name, uid, hostname), device"
              + " (hostname, name, ip, instance_uid, uid), observables of type Hostname, IP"
              + " Address, Resource UID, Endpoint. Detected at first_seen_time, else start_time,"
              + " else time.")
  @APIResponse(
      responseCode = "202",
      description = "Stored: one answer, or {incidents: [...]} for an array",
      content = @Content(schema = @Schema(oneOf = {IntakeAnswer.class, IntakeAnswers.class})))
  @APIResponse(
      responseCode = "400",
      description = "The body holds no finding object",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      description =
                          "An OCSF finding, or an array of them, as the tool sends it; the vendor's schema")))
  public Response ocsf(JsonNode finding, @Context UriInfo uri) {
    List<Alert> alerts = OcsfAdapter.mapAll(finding);
    return finding != null && finding.isArray()
        ? Response.accepted(new IntakeAnswers(reportAll(alerts))).build()
        : one(alerts.get(0), uri);
  }

  private Response oneOrIgnored(Optional<Alert> alert, UriInfo uri) {
    if (alert.isEmpty()) {
      return Response.accepted(
              new IntakeAnswer(null, "IGNORED", false, false, List.of(), List.of()))
          .build();
    }
    return one(alert.get(), uri);
  }

  private Response one(Alert alert, UriInfo uri) {
    return IntakeResource.accepted(intake.report(alert), uri);
  }

  /** Checks every alert before storing any, so a bad one stores nothing. */
  private List<IntakeAnswer> reportAll(List<Alert> alerts) {
    alerts.forEach(validator::check);
    return alerts.stream().map(intake::report).map(IntakeAnswer::of).toList();
  }
}
