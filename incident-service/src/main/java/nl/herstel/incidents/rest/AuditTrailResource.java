package nl.herstel.incidents.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.herstel.incidents.api.IncidentQueries.VerifyIncidentHistory;
import nl.herstel.platform.audit.ChainVerification;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.security.Roles;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Is an incident's audit trail intact? Every stored event is hash-chained to the one before it;
 * this recomputes the chain and names the first broken link, the answer regulators, insurers and
 * the evaluation rely on.
 */
@Path("/{id}/history/verification")
@RequestScoped
@Tag(name = "Audit trail")
@Produces(MediaType.APPLICATION_JSON)
public class AuditTrailResource {
  @Inject QueryGateway queries;

  @GET
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.AUDITOR, Roles.MANAGEMENT})
  @Operation(
      operationId = "verifyIncidentAuditTrail",
      summary = "Verify the hash chain of an incident's history",
      description =
          "intact=true when every event's stored SHA-256 matches its content and its"
              + " predecessor's hash; otherwise firstBrokenSequence, firstBrokenEventId and reason"
              + " name the first event that was altered, removed or reordered.")
  @APIResponse(
      responseCode = "200",
      description = "The verification result",
      content = @Content(schema = @Schema(implementation = ChainVerification.class)))
  @APIResponse(responseCode = "404", description = "No such incident")
  public ChainVerification verify(@PathParam("id") String id) {
    ChainVerification verification =
        queries.query(new VerifyIncidentHistory(id), ChainVerification.class).join();
    if (verification.eventsChecked() == 0 && verification.intact()) {
      throw new NotFound("Incident", id);
    }
    return verification;
  }
}
