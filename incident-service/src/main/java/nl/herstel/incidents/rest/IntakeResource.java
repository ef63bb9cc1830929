package nl.herstel.incidents.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.incidents.api.IncidentCommands.Intake;
import nl.herstel.incidents.api.IncidentCommands.OpenIncident;
import nl.herstel.incidents.api.IncidentCommands.ProcessTargets;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.IncidentQueries.FindAffectedProcesses;
import nl.herstel.incidents.api.IncidentQueries.ResolveAssets;
import nl.herstel.incidents.query.AssetResolution;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where SOC tooling reports alerts. An alert opens an incident with the processes its assets
 * disrupt, found through the BIA; the same alert again answers the same incident.
 */
@Path("/intake")
@RequestScoped
@Tag(name = "Intake")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntakeResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /**
   * An alert from a SOC tool.
   *
   * @param source the reporting system, e.g. {@code splunk}
   * @param sourceId the alert's id in that system; with {@code source} it identifies the alert
   * @param assets asset ids or names as the BIA knows them (case is ignored); unknown ones are kept
   * @param detectedAt when the disruption was detected; default now
   */
  public record AlertRequest(
      @NotBlank @Size(max = 100) String source,
      @NotBlank @Size(max = 200) String sourceId,
      @NotBlank @Size(max = 500) String title,
      @NotNull Severity severity,
      @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 200) String> assets,
      Instant detectedAt,
      @Size(max = 10000) String description) {}

  /**
   * The incident an alert opened or was correlated into.
   *
   * @param duplicate whether the alert had been reported before
   */
  public record IntakeAnswer(String incidentId, String status, boolean duplicate) {}

  @POST
  @RolesAllowed({Roles.SOC_INTAKE, Roles.INCIDENT_COMMANDER})
  @Operation(
      summary = "Report a SOC alert",
      description =
          "Opens an incident for the alert. The named assets are looked up in the BIA by id or"
              + " by exact name, ignoring case; names it does not know are kept on the incident"
              + " as unresolved, an alert is never refused for them. The affected processes are"
              + " those depending on the assets directly or through other assets and processes;"
              + " their RTO and MTPD deadlines run from detectedAt (default now; not more than 5"
              + " minutes in the future, not before 2000). Sending the same alert (source,"
              + " sourceId) again opens nothing and answers the same incident with"
              + " duplicate=true.")
  @APIResponse(
      responseCode = "202",
      description = "Stored; Location names the incident, which the list shows shortly")
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  @APIResponse(responseCode = "422", description = "detectedAt is out of range")
  public Response report(AlertRequest request, @Context UriInfo uri) {
    validator.check(request);
    String source = request.source().strip();
    String sourceId = request.sourceId().strip();
    List<String> named = distinctIgnoringCase(request.assets());
    AssetResolution resolution =
        queries
            .query(new ResolveAssets(named), ResponseTypes.instanceOf(AssetResolution.class))
            .join();
    List<ProcessTargets> affected =
        queries
            .query(
                new FindAffectedProcesses(
                    resolution.resolved().stream().map(AssetRef::assetId).toList()),
                ResponseTypes.multipleInstancesOf(ProcessTargets.class))
            .join();
    Instant now = Instant.now();
    OpenIncident command =
        new OpenIncident(
            incidentId(source, sourceId),
            source,
            sourceId,
            request.title().strip(),
            request.description(),
            request.severity(),
            request.detectedAt() == null ? now : request.detectedAt(),
            now,
            resolution.resolved(),
            resolution.unresolved(),
            affected);
    Intake intake = open(command);
    return Response.accepted(
            new IntakeAnswer(intake.incidentId(), intake.status().name(), intake.duplicate()))
        .location(uri.getBaseUriBuilder().path(intake.incidentId()).build())
        .build();
  }

  /**
   * Sends the command; when the same alert arrived at the same moment and opened the incident
   * first, the second attempt finds it and answers it as a duplicate.
   */
  private Intake open(OpenIncident command) {
    try {
      return commands.sendAndWait(command);
    } catch (ConcurrencyException raced) {
      return commands.sendAndWait(command);
    }
  }

  /** The same alert always maps to the same incident; the source's case does not matter. */
  static String incidentId(String source, String sourceId) {
    return UUID.nameUUIDFromBytes(
            (source.toLowerCase(Locale.ROOT) + "\u0000" + sourceId)
                .getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static List<String> distinctIgnoringCase(List<String> names) {
    Map<String, String> distinct = new LinkedHashMap<>();
    for (String name : names) {
      String stripped = name.strip();
      distinct.putIfAbsent(stripped.toLowerCase(Locale.ROOT), stripped);
    }
    return List.copyOf(distinct.values());
  }
}
