package nl.herstel.plans.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.herstel.plans.api.PlanCommands.RegisterNetworkDocument;
import nl.herstel.plans.api.PlanCommands.ReviseNetworkDocument;
import nl.herstel.plans.api.PlanCommands.VerifyNetworkDocument;
import nl.herstel.plans.api.PlanQueries.FindNetworkDocument;
import nl.herstel.plans.api.PlanQueries.ListNetworkDocuments;
import nl.herstel.plans.query.NetworkDocumentProjection;
import nl.herstel.plans.query.NetworkDocumentView;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Network descriptions and diagrams, kept current through a process (DOMAIN.md, step 2): each is
 * verified every interval, and the stale ones are listed.
 */
@Path("/network-documents")
@RequestScoped
@Tag(name = "System documentation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.BCM_MANAGER,
  Roles.PROCESS_OWNER,
  Roles.PLAN_OWNER,
  Roles.INCIDENT_COMMANDER,
  Roles.RECOVERY_TEAM,
  Roles.MANAGEMENT,
  Roles.AUDITOR
})
public class NetworkDocumentResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /**
   * A network document as a client writes it.
   *
   * @param location where the document lives (a path, a URL, a safe)
   * @param verificationInterval how often it must be checked against the network, e.g. P90D
   * @param lastVerifiedAt when it was last checked; absent means never (stale at once); only on
   *     register
   */
  @Schema(description = "A network description or diagram")
  public record NetworkDocumentRequest(
      @NotBlank @Size(max = 200) String title,
      @Size(max = 64) String documentVersion,
      @Size(max = 200) String owner,
      @Size(max = 1000) String location,
      @NotNull Duration verificationInterval,
      Instant lastVerifiedAt) {}

  /** A check of the document against the network. */
  @Schema(description = "A verification of a network document")
  public record VerificationRequest(Instant verifiedAt, @Size(max = 2000) String note) {}

  /** The id of what was created. */
  public record Created(String id) {}

  @POST
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER})
  @Operation(
      operationId = "registerNetworkDocument",
      summary = "Register a network document",
      description =
          "verificationInterval is an ISO-8601 duration (P90D); lastVerifiedAt not in"
              + " the future.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names it",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or malformed",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "A rule is broken (names the field)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response register(NetworkDocumentRequest request, @Context UriInfo uri) {
    validator.check(request);
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(
        new RegisterNetworkDocument(
            id,
            request.title(),
            request.documentVersion(),
            request.owner(),
            request.location(),
            request.lastVerifiedAt(),
            request.verificationInterval()));
    return Response.created(uri.getBaseUriBuilder().path("network-documents").path(id).build())
        .entity(new Created(id))
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER})
  @Operation(
      operationId = "reviseNetworkDocument",
      summary = "Record a new version, owner, location or interval of a network document",
      description =
          "The whole description again (title, documentVersion, owner, location,"
              + " verificationInterval); its verifications are kept.")
  @APIResponse(responseCode = "204", description = "Recorded")
  @APIResponse(
      responseCode = "400",
      description = "A field is missing or malformed",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such document",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response revise(@PathParam("id") String id, NetworkDocumentRequest request) {
    validator.check(request);
    commands.sendAndWait(
        new ReviseNetworkDocument(
            id,
            request.title(),
            request.documentVersion(),
            request.owner(),
            request.location(),
            request.verificationInterval()));
    return Response.noContent().build();
  }

  @POST
  @Path("/{id}/verifications")
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER, Roles.RECOVERY_TEAM})
  @Operation(
      operationId = "verifyNetworkDocument",
      summary = "Record that a network document was checked against the network",
      description = "verifiedAt defaults to now; not in the future, not before the last check.")
  @APIResponse(responseCode = "204", description = "Recorded")
  @APIResponse(
      responseCode = "404",
      description = "No such document",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "verifiedAt in the future or before the last check",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response verify(@PathParam("id") String id, VerificationRequest request) {
    validator.check(request);
    commands.sendAndWait(
        new VerifyNetworkDocument(
            id,
            request.verifiedAt() == null ? Instant.now() : request.verifiedAt(),
            request.note()));
    return Response.noContent().build();
  }

  @GET
  @Operation(
      operationId = "listNetworkDocuments",
      summary = "Network documents by title",
      description = "Pages of `limit`; each says when it must next be verified and if stale.")
  @APIResponse(
      responseCode = "200",
      description = "A page of documents",
      content = @Content(schema = @Schema(implementation = Pages.NetworkDocumentPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<NetworkDocumentView> list(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    return page(null, limit, cursor, uri);
  }

  @GET
  @Path("/stale")
  @Operation(
      operationId = "listStaleNetworkDocuments",
      summary = "Network documents whose verification is overdue",
      description =
          "Documents never verified, or whose last verification plus interval has passed.")
  @APIResponse(
      responseCode = "200",
      description = "A page of stale documents",
      content = @Content(schema = @Schema(implementation = Pages.NetworkDocumentPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<NetworkDocumentView> stale(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    return page(Instant.now(), limit, cursor, uri);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getNetworkDocument",
      summary = "One network document",
      description =
          "The document as listed: its version, owner, location, verification interval, the"
              + " last verification and whether it is stale.")
  @APIResponse(
      responseCode = "200",
      description = "The document",
      content = @Content(schema = @Schema(implementation = NetworkDocumentView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such document",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public NetworkDocumentView get(@PathParam("id") String id) {
    return queries
        .query(
            new FindNetworkDocument(id),
            ResponseTypes.optionalInstanceOf(NetworkDocumentView.class))
        .join()
        .orElseThrow(() -> new NotFound("Network document", id));
  }

  private Page<NetworkDocumentView> page(
      Instant staleAt, Integer limit, String cursor, UriInfo uri) {
    int size = Page.limit(limit);
    List<NetworkDocumentView> rows =
        queries
            .query(
                new ListNetworkDocuments(staleAt, Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(NetworkDocumentView.class))
            .join();
    return Page.of(rows, size, d -> NetworkDocumentProjection.key(d, staleAt != null), uri, null);
  }
}
