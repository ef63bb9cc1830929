package nl.herstel.bia.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.herstel.bia.api.BiaQueries.Priorities;
import nl.herstel.bia.query.GraphViews.PrioritiesView;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Prioritisation: what to recover first, and what every asset must therefore achieve. */
@Path("/priorities")
@RequestScoped
@Tag(name = "Priorities")
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
public class PriorityResource {
  @Inject QueryGateway queries;

  @GET
  @Operation(
      operationId = "getRecoveryPriorities",
      summary = "Processes ranked, crown jewels' IT assets, required targets per asset",
      description =
          "processes: active processes by RTO, then critical, crown jewel, MTPD and name."
              + " crownJewels: per crown jewel the software, hardware and data it depends on"
              + " transitively. assets: per asset the strictest RTO and RPO of the processes that"
              + " depend on it through the graph, and which process sets each.")
  @APIResponse(
      responseCode = "200",
      description = "The priorities",
      content = @Content(schema = @Schema(implementation = PrioritiesView.class)))
  public PrioritiesView priorities() {
    return queries.query(new Priorities(), ResponseTypes.instanceOf(PrioritiesView.class)).join();
  }
}
