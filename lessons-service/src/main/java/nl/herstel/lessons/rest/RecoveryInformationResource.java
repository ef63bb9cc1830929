package nl.herstel.lessons.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.herstel.lessons.api.LessonsQueries.FindRecoveryInformation;
import nl.herstel.lessons.api.LessonsQueries.ListRecoveryInformation;
import nl.herstel.lessons.query.RecoveryInformationView;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Recovery information (DOMAIN.md): how long recovering each process took in a closed incident,
 * against the RTO and MTPD that applied.
 */
@Path("/recovery-information")
@RequestScoped
@Tag(name = "Recovery information")
@Produces(MediaType.APPLICATION_JSON)
public class RecoveryInformationResource {
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
      summary = "List the recovery information of closed incidents",
      description =
          "Most recently closed first. An incident appears shortly after incident-service closes"
              + " it.")
  public List<RecoveryInformationView> list() {
    return queries
        .query(
            new ListRecoveryInformation(),
            ResponseTypes.multipleInstancesOf(RecoveryInformationView.class))
        .join();
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
      summary = "The recovery information of one closed incident",
      description =
          "Per restored process: the RTO and MTPD that applied, the actual recovery time (ISO-8601,"
              + " e.g. PT11H) and the verdict MET, RTO_BREACHED or MTPD_BREACHED (null when the"
              + " process's targets were unknown); and the target revisions proposed.")
  @APIResponse(
      responseCode = "200",
      description = "The incident's recovery information",
      content = @Content(schema = @Schema(implementation = RecoveryInformationView.class)))
  @APIResponse(responseCode = "404", description = "No closed incident with this id was reviewed")
  public RecoveryInformationView get(@PathParam("incidentId") String incidentId) {
    return queries
        .query(
            new FindRecoveryInformation(incidentId),
            ResponseTypes.optionalInstanceOf(RecoveryInformationView.class))
        .join()
        .orElseThrow(() -> new NotFound("Incident review", incidentId));
  }
}
