package nl.herstel.incidents.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.incidents.intake.Alert;
import nl.herstel.incidents.intake.CloudEventsAdapter;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.JsonProvider;
import nl.herstel.platform.rest.Problem.FieldError;
import nl.herstel.platform.rest.RequestValidator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where SOC tooling reports alerts, one at a time or in batches. An alert opens an incident with
 * the processes its assets disrupt, found through the BIA; the same alert again answers the same
 * incident.
 */
@Path("/intake")
@IntakeAuthenticated
@RequestScoped
@Tag(name = "Intake")
@Produces(MediaType.APPLICATION_JSON)
public class IntakeResource {
  /** The most alerts one batch may hold; the 1,001st is refused with 413 as soon as it starts. */
  static final int MAX_BATCH = 1000;

  static final String NDJSON = "application/x-ndjson";

  static final String CLOUDEVENTS = "application/cloudevents+json";

  private static final ObjectMapper JSON = JsonProvider.MAPPER;

  /** Reads one value of a stream and leaves the parser after it; {@link #endOfInput} checks. */
  private static final ObjectReader VALUE =
      JSON.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Inject AlertIntake intake;
  @Inject RequestValidator validator;

  /**
   * An alert from a SOC tool, in our own schema.
   *
   * @param source the reporting system, e.g. {@code splunk}
   * @param sourceId the alert's id in that system; with {@code source} it identifies the alert
   * @param assets asset ids or names as the BIA knows them (case is ignored); unknown ones are kept
   * @param detectedAt when the disruption was detected; default now
   * @param updatedAt when the source last changed this alert; a version older than the stored one
   *     changes nothing (default: the time it arrives)
   */
  public record AlertRequest(
      @NotBlank @Size(max = 100) String source,
      @NotBlank @Size(max = 200) String sourceId,
      @NotBlank @Size(max = 500) String title,
      @NotNull Severity severity,
      @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 1000) String> assets,
      Instant detectedAt,
      @Size(max = 10000) String description,
      Instant updatedAt,
      @Size(max = 200) String correlationKey) {

    Alert toAlert() {
      return new Alert(
          source,
          sourceId,
          title,
          severity,
          assets,
          detectedAt,
          description,
          null,
          updatedAt,
          correlationKey == null || correlationKey.isBlank() ? null : correlationKey.strip());
    }
  }

  /**
   * The incident an alert opened or was correlated into; the same answer for every format.
   *
   * @param duplicate whether the alert had been reported before
   * @param updated whether it brought newer facts (title, severity, description) that replaced the
   *     stored ones
   * @param unresolvedAssets the asset hints no BIA asset matched: they wait in the unresolved queue
   *     and resolve themselves when the BIA learns them
   * @param warnings what of the payload could not be mapped and how it was taken instead
   */
  @Schema(description = "The incident an alert opened or joined; the same for every format")
  public record IntakeAnswer(
      String incidentId,
      String status,
      boolean duplicate,
      boolean updated,
      List<String> unresolvedAssets,
      List<String> warnings) {

    /** The answer to a reported alert. */
    static IntakeAnswer of(AlertIntake.Reported reported) {
      return new IntakeAnswer(
          reported.intake().incidentId(),
          reported.intake().status().name(),
          reported.intake().duplicate(),
          reported.intake().updated(),
          reported.unresolvedAssets(),
          reported.warnings());
    }
  }

  /**
   * A structured-mode CloudEvent 1.0 carrying an alert: documents the {@code
   * application/cloudevents+json} form of the intake (read by {@code CloudEventsAdapter}).
   */
  @Schema(description = "A CloudEvent 1.0 in structured mode; data carries the alert")
  public record CloudEventAlert(
      @Schema(required = true, example = "1.0") String specversion,
      @Schema(required = true, description = "with source, identifies the alert") String id,
      @Schema(required = true, example = "/sentinel/workspace-01") String source,
      @Schema(required = true, description = "the default title") String type,
      @Schema(description = "the resource the event is about: an asset hint") String subject,
      @Schema(description = "the default detectedAt") Instant time,
      String datacontenttype,
      @Schema(description = "correlates alerts of one source that share it") String correlationkey,
      CloudEventAlertData data) {}

  /** The alert fields a CloudEvent's data may carry, all optional. */
  @Schema(description = "The alert in a CloudEvent's data; every field optional")
  public record CloudEventAlertData(
      String title,
      @Schema(description = "default MEDIUM") Severity severity,
      @Schema(description = "asset hints") List<String> assets,
      @Schema(description = "one asset hint, instead of assets") String asset,
      String description,
      Instant detectedAt,
      String correlationKey) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(
      operationId = "reportAlert",
      summary = "Report a SOC alert, or a batch of them (JSON array, NDJSON), or a CloudEvent",
      description =
          "A single alert opens an incident. The named assets are hints, resolved with the"
              + " one rule (asset:NAME tags; the asset id; an identifier in normal form; the name;"
              + " the most specific CIDR containing an address; an FQDN's first label; a short"
              + " name's FQDN), case ignored; hints no asset matches are kept on the incident, in"
              + " the answer's unresolvedAssets and in the unresolved queue, and resolve"
              + " themselves when the BIA learns them; an alert is never refused for them. The affected processes are"
              + " those depending on the assets directly or through other assets and processes;"
              + " their RTO and MTPD deadlines run from detectedAt (default now; not more than 5"
              + " minutes in the future, not before 2000). Sending the same alert (source,"
              + " sourceId) again opens nothing and answers the same incident with"
              + " duplicate=true. Updates of one alert may arrive out of order: when the alert is"
              + " known, its title, severity and description replace the stored ones only if its"
              + " updatedAt (when the source last changed it; default its arrival) is later than"
              + " the stored version's (answer updated=true, event IncidentAlertUpdated); an"
              + " older version changes nothing. updatedAt may not lie more than 5 minutes in"
              + " the future (422). Correlation: a new alert naming a BIA asset of an open (not"
              + " closed, not dismissed) incident disrupted within"
              + " herstel.incidents.correlation-window (default PT4H) of its detectedAt joins that"
              + " incident (answer: that incidentId, event AlertCorrelated in its history) instead"
              + " of opening one; unresolved names do not correlate.\n\n"
              + "A JSON array of up to 1,000 alerts is a batch: each alert is stored in its own"
              + " transaction. The good ones are stored even when others are bad; the answer is"
              + " 200 with `accepted` (index, incidentId, status, duplicate) and `rejected`"
              + " (index and every bad field of that item, named relative to the item). A batch"
              + " that is not well-formed JSON stores nothing (400); more than 1,000 items are"
              + " refused with 413 when the 1,001st begins, before the rest is read.\n\n"
              + "application/x-ndjson: one alert in our own schema per line, up to 1,000 (empty"
              + " lines are skipped; the index counts the other lines from 0), answered like a"
              + " batch: a line that is malformed or invalid is rejected by index and the others"
              + " are stored.\n\n"
              + "application/cloudevents+json: a structured CloudEvent 1.0; specversion 1.0, id"
              + " and source are required, (source, id) identifies the alert; data holds the"
              + " alert: title (default the type), severity (default MEDIUM), assets or asset,"
              + " detectedAt (default the time), description. Binary mode: post the data as"
              + " application/json with ce-specversion, ce-id, ce-source, ce-type (and ce-time,"
              + " ce-subject) headers. The event is kept as raw data on the incident's event.\n\n"
              + "Authenticated by a bearer token of role soc-intake or by an intake API key"
              + " (X-Api-Key) issued for the alert's source.")
  @RequestBody(
      required = true,
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {AlertRequest.class, AlertRequest[].class})),
        @Content(mediaType = CLOUDEVENTS, schema = @Schema(implementation = CloudEventAlert.class)),
        @Content(
            mediaType = NDJSON,
            schema =
                @Schema(
                    type = SchemaType.STRING,
                    description = "One alert per line, each as the AlertRequest schema"))
      })
  @APIResponse(
      responseCode = "202",
      description = "A single alert is stored; Location names the incident, shown shortly",
      content = @Content(schema = @Schema(implementation = IntakeAnswer.class)))
  @APIResponse(
      responseCode = "200",
      description = "A batch was processed: which items were stored and which refused, by index",
      content = @Content(schema = @Schema(implementation = AlertIntake.BatchAnswer.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field or CloudEvent attribute is missing or malformed; it is named")
  @APIResponse(responseCode = "413", description = "More than 1,000 alerts, or more than 4 MiB")
  @APIResponse(responseCode = "422", description = "detectedAt or updatedAt is out of range")
  public Response report(InputStream body, @Context HttpHeaders headers, @Context UriInfo uri)
      throws IOException {
    try (JsonParser parser = JSON.getFactory().createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_ARRAY) {
        List<AlertIntake.Item> items = new ArrayList<>();
        for (JsonNode item : array(parser)) {
          items.add(() -> ownSchema(item));
        }
        return Response.ok(intake.batch(items)).build();
      }
      if (first != JsonToken.START_OBJECT) {
        throw new InvalidRequest(
            List.of(new FieldError("body", "must be an alert object or an array of alerts")));
      }
      JsonNode node = VALUE.readValue(parser);
      endOfInput(parser);
      if (headers.getHeaderString("ce-specversion") != null) {
        return accepted(intake.report(CloudEventsAdapter.binary(ceHeaders(headers), node)), uri);
      }
      return accepted(intake.report(ownSchema(node)), uri);
    }
  }

  /** The CloudEvents form of {@link #report}: one OpenAPI operation with three media types. */
  @POST
  @Consumes(CLOUDEVENTS)
  @PermitAll
  @Operation(hidden = true)
  public Response reportCloudEvent(JsonNode event, @Context UriInfo uri) {
    return accepted(intake.report(CloudEventsAdapter.structured(event)), uri);
  }

  /** The NDJSON form of {@link #report}: one OpenAPI operation with three media types. */
  @POST
  @Consumes(NDJSON)
  @PermitAll
  @Operation(hidden = true)
  public Response reportLines(InputStream body) throws IOException {
    List<AlertIntake.Item> items = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        if (items.size() == MAX_BATCH) {
          throw tooMany();
        }
        String text = line;
        items.add(() -> ownSchema(JSON.readTree(text)));
      }
    }
    return Response.ok(intake.batch(items)).build();
  }

  /** The items of an array, counted while streaming: the 1,001st is refused before it is read. */
  private static List<JsonNode> array(JsonParser parser) throws IOException {
    List<JsonNode> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (items.size() == MAX_BATCH) {
        throw tooMany();
      }
      items.add(VALUE.readValue(parser));
    }
    endOfInput(parser);
    return items;
  }

  private static void endOfInput(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new InvalidRequest(
          List.of(new FieldError("body", "must hold one JSON value; found more after it")));
    }
  }

  private static Map<String, String> ceHeaders(HttpHeaders headers) {
    Map<String, String> attributes = new LinkedHashMap<>();
    headers
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (lower.startsWith("ce-") && !values.isEmpty()) {
                attributes.put(lower, values.get(0));
              }
            });
    return attributes;
  }

  private static WebApplicationException tooMany() {
    return new WebApplicationException(
        "A batch holds at most " + MAX_BATCH + " alerts; split it into smaller requests", 413);
  }

  private Alert ownSchema(JsonNode node) throws JsonProcessingException {
    if (node == null || !node.isObject()) {
      throw new InvalidRequest(List.of(new FieldError("body", "must be an alert object")));
    }
    return validator.check(JSON.treeToValue(node, AlertRequest.class)).toAlert();
  }

  static Response accepted(AlertIntake.Reported reported, UriInfo uri) {
    return Response.accepted(IntakeAnswer.of(reported))
        .location(uri.getBaseUriBuilder().path(reported.intake().incidentId()).build())
        .build();
  }
}
