package nl.herstel.lessons.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.herstel.lessons.api.LessonsQueries.ListRevisionProposals;
import nl.herstel.lessons.query.RevisionProposalView;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The BIA target revisions lessons proposed after RTO breaches. Each is also published to
 * bia-service, where the process owner accepts or rejects it.
 */
@Path("/revision-proposals")
@RequestScoped
@Tag(name = "Revision proposals")
@Produces(MediaType.APPLICATION_JSON)
public class RevisionProposalResource {
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
      summary = "List the target revisions proposed",
      description =
          "Newest first. proposedRto is the actual recovery time rounded up to the whole hour;"
              + " whether it is accepted is decided in the BIA.")
  public List<RevisionProposalView> list() {
    return queries
        .query(
            new ListRevisionProposals(),
            ResponseTypes.multipleInstancesOf(RevisionProposalView.class))
        .join();
  }
}
