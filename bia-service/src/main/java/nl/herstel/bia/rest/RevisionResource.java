package nl.herstel.bia.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.herstel.bia.api.BiaQueries.ListRevisions;
import nl.herstel.bia.query.RevisionView;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Proposals to revise recovery targets, e.g. from lessons-service after an RTO breach. */
@Path("/revisions")
@RequestScoped
@Tag(name = "Revisions")
@Produces(MediaType.APPLICATION_JSON)
public class RevisionResource {
  @Inject QueryGateway queries;

  @GET
  @RolesAllowed({
    Roles.BCM_MANAGER,
    Roles.PROCESS_OWNER,
    Roles.PLAN_OWNER,
    Roles.INCIDENT_COMMANDER,
    Roles.RECOVERY_TEAM,
    Roles.MANAGEMENT,
    Roles.AUDITOR
  })
  @Operation(
      summary = "List target revisions",
      description = "status filters: PENDING, ACCEPTED or REJECTED; without it, all of them.")
  public List<RevisionView> list(@QueryParam("status") String status) {
    if (status != null && !status.matches("PENDING|ACCEPTED|REJECTED")) {
      throw new RuleViolation("status", "status must be PENDING, ACCEPTED or REJECTED");
    }
    return queries
        .query(new ListRevisions(status), ResponseTypes.multipleInstancesOf(RevisionView.class))
        .join();
  }
}
