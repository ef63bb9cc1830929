package nl.herstel.incidents.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import nl.herstel.incidents.intake.IntakeKeys;
import nl.herstel.incidents.intake.IntakeKeys.IntakeKey;
import nl.herstel.incidents.intake.IntakeKeys.IssuedKey;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The per-source API keys SOC tools use for the intake when they cannot fetch a token: issued once
 * per tool, stored hashed, revocable.
 */
@Path("/intake-keys")
@RequestScoped
@Tag(name = "Intake")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntakeKeyResource {
  @Inject IntakeKeys keys;
  @Inject RequestValidator validator;

  /** A key to issue for one SOC source, e.g. {@code sentinel} or {@code alertmanager}. */
  public record IssueKeyRequest(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]*") String source,
      @Size(max = 500) String description) {}

  @POST
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.BCM_MANAGER})
  @Operation(
      operationId = "issueIntakeKey",
      summary = "Issue an intake API key for one SOC source",
      description =
          "The answer holds the key itself, this once; only its SHA-256 is stored. Send it as"
              + " X-Api-Key on POST /api/incidents/intake[/vendor]; alerts posted with it must"
              + " name its source (the vendor adapters use alertmanager, pagerduty, thehive,"
              + " sentinel, elastic, ocsf).")
  @APIResponse(
      responseCode = "201",
      description = "Issued; the body holds the key",
      content = @Content(schema = @Schema(implementation = IssuedKey.class)))
  @APIResponse(responseCode = "400", description = "source missing or not a plain name")
  public Response issue(
      IssueKeyRequest request, @Context SecurityContext security, @Context UriInfo uri) {
    validator.check(request);
    IssuedKey issued =
        keys.issue(
            request.source().strip(), request.description(), security.getUserPrincipal().getName());
    return Response.created(uri.getAbsolutePathBuilder().path(issued.keyId()).build())
        .entity(issued)
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.BCM_MANAGER, Roles.AUDITOR})
  @Operation(
      operationId = "listIntakeKeys",
      summary = "The intake API keys",
      description =
          "Each with its source, first characters, who issued and revoked it and when"
              + " it was last used; never the key.")
  @APIResponse(
      responseCode = "200",
      description = "The keys, never the key itself",
      content = @Content(schema = @Schema(implementation = Pages.IntakeKeyPage.class)))
  public Page<IntakeKey> list(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    return Page.of(keys.list(after, size), size, IntakeKey::keyId, uri, null);
  }

  @DELETE
  @Path("/{keyId}")
  @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.BCM_MANAGER})
  @Operation(
      operationId = "revokeIntakeKey",
      summary = "Revoke an intake API key",
      description = "It authenticates nothing more.")
  @APIResponse(responseCode = "204", description = "Revoked")
  @APIResponse(responseCode = "404", description = "No such key")
  @APIResponse(responseCode = "409", description = "Already revoked")
  public Response revoke(@PathParam("keyId") String keyId, @Context SecurityContext security) {
    keys.revoke(keyId, security.getUserPrincipal().getName());
    return Response.noContent().build();
  }
}
