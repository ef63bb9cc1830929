package nl.herstel.plans.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.herstel.plans.api.PreparednessQueries.FindReadiness;
import nl.herstel.plans.api.PreparednessQueries.ListReadiness;
import nl.herstel.plans.query.ReadinessView.ProcessReadiness;
import nl.herstel.plans.query.ReadinessView.Summary;
import nl.herstel.platform.domain.NotFound;
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
 * Readiness per business process: whether the backups, restore tests, suppliers, exercises,
 * training and plans behind it can deliver the BIA's RTO and RPO; the page a BCM manager opens
 * before an audit.
 */
@Path("/readiness")
@RequestScoped
@Tag(name = "Readiness")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.BCM_MANAGER,
  Roles.PROCESS_OWNER,
  Roles.PLAN_OWNER,
  Roles.INCIDENT_COMMANDER,
  Roles.RECOVERY_TEAM,
  Roles.MANAGEMENT,
  Roles.AUDITOR
})
public class ReadinessResource {
  @Inject QueryGateway queries;

  @GET
  @Operation(
      operationId = "getReadiness",
      summary = "Readiness of the organisation, per plan and per process",
      description =
          "Counts of processes that pass, fail or are unknown; the same per published plan; and"
              + " each live process with the checks it fails. Computed when asked.")
  @APIResponse(
      responseCode = "200",
      description = "The summary",
      content = @Content(schema = @Schema(implementation = Summary.class)))
  public Summary summary() {
    return queries.query(new ListReadiness(), Summary.class).join();
  }

  @GET
  @Path("/{processId}")
  @Operation(
      operationId = "getProcessReadiness",
      summary = "Readiness of one business process",
      description =
          "Every check (THREE_TWO_ONE, BACKUP_INTERVAL, RANSOMWARE_COPY, RESTORE_TEST,"
              + " SUPPLIER_GUARANTEE, EXERCISE, TRAINED_ROLES, PLAN_CURRENT) with PASS, FAIL or"
              + " UNKNOWN and the reason, through the BIA graph of the assets the process relies"
              + " on.")
  @APIResponse(
      responseCode = "200",
      description = "The readiness of the process",
      content = @Content(schema = @Schema(implementation = ProcessReadiness.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such live process known from the BIA",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public ProcessReadiness get(@PathParam("processId") String processId) {
    return queries
        .query(
            new FindReadiness(processId), ResponseTypes.optionalInstanceOf(ProcessReadiness.class))
        .join()
        .orElseThrow(() -> new NotFound("Process", processId));
  }
}
