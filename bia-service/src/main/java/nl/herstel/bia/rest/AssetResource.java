package nl.herstel.bia.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.herstel.bia.api.BiaCommands.AddAssetIdentifier;
import nl.herstel.bia.api.BiaCommands.ChangeAssetDetails;
import nl.herstel.bia.api.BiaCommands.IdentifierOutcome;
import nl.herstel.bia.api.BiaCommands.NewIdentifier;
import nl.herstel.bia.api.BiaCommands.RegisterAsset;
import nl.herstel.bia.api.BiaCommands.RemoveAssetIdentifier;
import nl.herstel.bia.api.BiaCommands.RetireAsset;
import nl.herstel.bia.api.BiaQueries.AssetImpact;
import nl.herstel.bia.api.BiaQueries.AssetsAsOf;
import nl.herstel.bia.api.BiaQueries.FindAsset;
import nl.herstel.bia.api.BiaQueries.ListAssets;
import nl.herstel.bia.api.BiaQueries.RequiredTargets;
import nl.herstel.bia.query.AssetProjection;
import nl.herstel.bia.query.AssetView;
import nl.herstel.bia.query.GraphViews.AssetImpactView;
import nl.herstel.bia.query.GraphViews.AssetRequirement;
import nl.herstel.bia.rest.ProcessResource.Created;
import nl.herstel.bia.rest.ProcessResource.RetirementRequest;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.IdentifierKind;
import nl.herstel.contracts.bia.SupplierTerms;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.rest.Problem.FieldError;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.rest.Versions;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Assets: the software, hardware, people, suppliers, data and facilities processes rely on. */
@Path("/assets")
@RequestScoped
@Tag(name = "Assets")
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
public class AssetResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /**
   * An asset to register; {@code supplier} only for assets of kind SUPPLIER; {@code identifiers}
   * the other names SOC tools use for it.
   */
  public record RegisterAssetRequest(
      @NotBlank @Size(max = 200) String name,
      @NotNull AssetKind kind,
      @Size(max = 4000) String description,
      @Size(max = 200) String owner,
      @Valid SupplierRequest supplier,
      @Size(max = 100) List<@NotNull @Valid IdentifierRequest> identifiers) {}

  /**
   * An identifier to give an asset.
   *
   * @param kind what it is; left out, the kind the value looks like (an address, a CIDR, a cloud
   *     resource id, an FQDN, a host name, else an alias)
   * @param value as the tool writes it; stored in normal form (lower case, IPv6 compressed)
   */
  @Schema(description = "An identifier SOC tools may name the asset by")
  public record IdentifierRequest(
      @Schema(description = "Left out: the kind the value looks like") IdentifierKind kind,
      @NotBlank @Size(max = 1000) String value) {
    NewIdentifier toNew() {
      return new NewIdentifier(UUID.randomUUID().toString(), kind, value);
    }
  }

  /** One identifier of an asset, as stored. */
  @Schema(description = "An identifier of an asset, in normal form")
  public record IdentifierAnswer(
      String assetId, String identifierId, IdentifierKind kind, String value) {}

  /** What a supplier or IT service provider has promised. */
  public record SupplierRequest(
      @Size(max = 200) String contractReference,
      @Size(max = 200) String slaReference,
      Duration guaranteedRecoveryTime) {
    SupplierTerms terms() {
      return new SupplierTerms(
          Texts.blankToNull(contractReference),
          Texts.blankToNull(slaReference),
          guaranteedRecoveryTime);
    }
  }

  /**
   * Changes to an asset's details: a field left out (or null) keeps its value; an empty string
   * clears description or owner; an empty supplier object clears the supplier terms.
   */
  public record ChangeAssetRequest(
      @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
          String name,
      AssetKind kind,
      @Size(max = 4000) String description,
      @Size(max = 200) String owner,
      @Valid SupplierRequest supplier) {}

  @POST
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "registerAsset",
      summary = "Register an asset",
      description =
          "kind is one of SOFTWARE, HARDWARE, PEOPLE, SUPPLIER, DATA, FACILITY. SOC alerts name"
              + " assets by this name.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names the asset",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  @APIResponse(
      responseCode = "409",
      description =
          "The name (case ignored) or an identifier belongs to another asset; the field is named",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "Supplier terms on a non-supplier, or an identifier not of its kind",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response register(RegisterAssetRequest request, @Context UriInfo uri) {
    validator.check(request);
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(
        new RegisterAsset(
            id,
            request.name().strip(),
            request.kind(),
            Texts.blankToNull(request.description()),
            Texts.blankToNull(request.owner()),
            request.supplier() == null ? null : request.supplier().terms(),
            request.identifiers() == null
                ? List.of()
                : request.identifiers().stream().map(IdentifierRequest::toNew).toList()));
    return Response.created(uri.getAbsolutePathBuilder().path(id).build())
        .entity(new Created(id))
        .build();
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "changeAsset",
      summary = "Change an asset's details",
      description =
          "name, kind, description, owner, supplier; a field left out keeps its value, an empty"
              + " string clears description or owner, an empty supplier object clears the"
              + " supplier terms (a kind other than SUPPLIER clears them too). If-Match (optional)"
              + " must name the current version. Published as AssetChanged.")
  @APIResponse(
      responseCode = "200",
      description = "Changed; the body and ETag give the version",
      content = @Content(schema = @Schema(implementation = ProcessResource.Versioned.class)))
  @APIResponse(responseCode = "404", description = "No such asset")
  @APIResponse(responseCode = "409", description = "Stale If-Match, or the asset is retired")
  @APIResponse(responseCode = "422", description = "Supplier terms on a non-supplier")
  public Response change(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      ChangeAssetRequest request) {
    validator.check(request);
    Long expected = Versions.ifMatch(ifMatch);
    AssetView asset = get(id);
    AssetKind kind = request.kind() == null ? asset.kind() : request.kind();
    SupplierTerms supplier =
        request.supplier() == null ? asset.supplier() : request.supplier().terms();
    if (kind != AssetKind.SUPPLIER && request.supplier() == null
        || new SupplierTerms(null, null, null).equals(supplier)) {
      supplier = null;
    }
    long version =
        commands.sendAndWait(
            new ChangeAssetDetails(
                id,
                request.name() == null ? asset.name() : request.name().strip(),
                kind,
                request.description() == null
                    ? asset.description()
                    : Texts.blankToNull(request.description()),
                request.owner() == null ? asset.owner() : Texts.blankToNull(request.owner()),
                supplier,
                expected));
    return Response.ok(new ProcessResource.Versioned(id, version))
        .tag(Versions.tag(version))
        .build();
  }

  @GET
  @Operation(
      operationId = "listAssets",
      summary = "List assets by name",
      description =
          "Pages of `limit` (1–1000, default 50); follow `next`. asOf (optional, ISO-8601"
              + " instant) answers the assets as they stood at that moment, replayed from the"
              + " event store.")
  @APIResponse(
      responseCode = "200",
      description = "A page of assets",
      content = @Content(schema = @Schema(implementation = Pages.AssetPage.class)))
  @APIResponse(responseCode = "400", description = "A bad limit or cursor")
  @APIResponse(responseCode = "422", description = "asOf is not an ISO-8601 instant")
  public Page<AssetView> list(
      @QueryParam("asOf") String asOf,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    if (asOf != null) {
      List<AssetView> rows =
          queries
              .query(
                  new AssetsAsOf(Moments.parse("asOf", asOf), after, size),
                  ResponseTypes.multipleInstancesOf(AssetView.class))
              .join();
      return Page.ofWindow(rows, after, size, uri, null);
    }
    List<AssetView> rows =
        queries
            .query(new ListAssets(after, size), ResponseTypes.multipleInstancesOf(AssetView.class))
            .join();
    return Page.of(rows, size, AssetProjection::key, uri, null);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getAsset",
      summary = "One asset",
      description = "The ETag gives its version for If-Match.")
  @APIResponse(responseCode = "404", description = "No such asset")
  @APIResponse(
      responseCode = "200",
      description = "The asset; the ETag gives its version",
      content = @Content(schema = @Schema(implementation = AssetView.class)))
  public Response read(@PathParam("id") String id) {
    AssetView asset = get(id);
    return Response.ok(asset).tag(Versions.tag(asset.version())).build();
  }

  private AssetView get(String id) {
    return queries
        .query(new FindAsset(id), ResponseTypes.optionalInstanceOf(AssetView.class))
        .join()
        .orElseThrow(() -> new NotFound("Asset", id));
  }

  @POST
  @Path("/{id}/retirement")
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "retireAsset",
      summary = "Retire an asset",
      description = "The asset stays in the history; nothing new may depend on it.")
  @APIResponse(
      responseCode = "200",
      description = "Retired",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(responseCode = "400", description = "reason missing")
  @APIResponse(responseCode = "404", description = "No such asset")
  @APIResponse(responseCode = "409", description = "Already retired")
  public Created retire(@PathParam("id") String id, RetirementRequest request) {
    validator.check(request);
    try {
      commands.sendAndWait(new RetireAsset(id, request.reason().strip()));
    } catch (AggregateNotFoundException e) {
      throw new NotFound("Asset", id);
    }
    return new Created(id);
  }

  @POST
  @Path("/{id}/identifiers")
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "addAssetIdentifier",
      summary = "Give an asset an identifier SOC tools name it by",
      description =
          "kind: HOSTNAME (one label), FQDN, IP_ADDRESS (IPv4 or IPv6), CIDR (a network address"
              + " with its prefix), CLOUD_RESOURCE_ID (AWS ARN, Azure resource id, Google Cloud"
              + " self-link), CMDB_ID or ALIAS; left out, the kind the value looks like. Stored"
              + " in normal form: lower case, IPv6 compressed. An identifier belongs to at most"
              + " one asset, and may not be another asset's name (case ignored). The same value"
              + " again answers 200 with the identifier the asset has. Published as"
              + " AssetIdentifierAdded.")
  @APIResponse(
      responseCode = "201",
      description = "Added; Location names the identifier",
      content = @Content(schema = @Schema(implementation = IdentifierAnswer.class)))
  @APIResponse(
      responseCode = "200",
      description = "The asset had this identifier already",
      content = @Content(schema = @Schema(implementation = IdentifierAnswer.class)))
  @APIResponse(
      responseCode = "400",
      description = "value missing, or kind unknown",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such asset",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Another asset holds the value (field value), or the asset is retired",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "The value is not of its kind (field value)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response addIdentifier(
      @PathParam("id") String id, IdentifierRequest request, @Context UriInfo uri) {
    validator.check(request);
    IdentifierOutcome outcome;
    try {
      outcome = commands.sendAndWait(new AddAssetIdentifier(id, request.toNew()));
    } catch (AggregateNotFoundException e) {
      throw new NotFound("Asset", id);
    }
    if (outcome.heldBy() != null) {
      throw new Conflict(
          "value", "The identifier '" + outcome.value() + "' belongs to asset " + outcome.heldBy());
    }
    if (outcome.refusal() != null) {
      throw new Conflict(outcome.refusal());
    }
    IdentifierAnswer answer =
        new IdentifierAnswer(id, outcome.identifierId(), outcome.kind(), outcome.value());
    if (!outcome.added()) {
      return Response.ok(answer).build();
    }
    return Response.created(
            uri.getBaseUriBuilder()
                .path(AssetResource.class)
                .path(id)
                .path("identifiers")
                .path(outcome.identifierId())
                .build())
        .entity(answer)
        .build();
  }

  @DELETE
  @Path("/{id}/identifiers/{identifierId}")
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "removeAssetIdentifier",
      summary = "Remove one of an asset's identifiers",
      description =
          "By its identifierId. To remove by value (e.g. a CIDR or an Azure resource id, which"
              + " hold slashes), use DELETE /assets/{id}/identifiers?value=… instead. The value is"
              + " then free for other assets. Published as AssetIdentifierRemoved.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(
      responseCode = "404",
      description = "No such asset, or it has no such identifier",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The asset is retired",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response removeIdentifier(
      @PathParam("id") String id, @PathParam("identifierId") String identifierId) {
    return remove(new RemoveAssetIdentifier(id, identifierId, null));
  }

  @DELETE
  @Path("/{id}/identifiers")
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "removeAssetIdentifierByValue",
      summary = "Remove one of an asset's identifiers by its value",
      description =
          "value as the tool writes it (case ignored). Published as AssetIdentifierRemoved.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(
      responseCode = "400",
      description = "value missing",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such asset, or it has no such identifier",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The asset is retired",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response removeIdentifierByValue(
      @PathParam("id") String id, @QueryParam("value") String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequest(List.of(new FieldError("value", "is required")));
    }
    return remove(new RemoveAssetIdentifier(id, null, value));
  }

  private Response remove(RemoveAssetIdentifier command) {
    try {
      commands.sendAndWait(command);
    } catch (AggregateNotFoundException e) {
      throw new NotFound("Asset", command.assetId());
    }
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/impact")
  @Operation(
      operationId = "getAssetImpact",
      summary = "Which processes this asset's failure hits",
      description =
          "Every active process that fails with the asset, directly or through other assets and"
              + " processes, with the dependency path the failure takes (process first, the asset"
              + " last), ranked by MTPD then RTO. Redundancy counts: a node whose failed"
              + " dependency has a working alternative (same alternativeGroup) keeps running, and"
              + " the processes relying on it are listed in processesAtRisk instead. totalHit and"
              + " criticalHit count all processes hit; processesHit holds the first limit"
              + " (default 100, at most 5000) of them.")
  @APIResponse(
      responseCode = "200",
      description = "The processes hit",
      content = @Content(schema = @Schema(implementation = AssetImpactView.class)))
  @APIResponse(responseCode = "404", description = "No such active asset")
  @APIResponse(responseCode = "422", description = "limit outside 1..5000")
  public AssetImpactView impact(
      @PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > 5000) {
      throw new RuleViolation("limit", "limit must be between 1 and 5000");
    }
    return queries
        .query(new AssetImpact(id, limit), ResponseTypes.optionalInstanceOf(AssetImpactView.class))
        .join()
        .orElseThrow(() -> new NotFound("Asset", id));
  }

  @GET
  @Path("/{id}/required-targets")
  @Operation(
      operationId = "getAssetRequiredTargets",
      summary = "The RTO and RPO this asset must achieve",
      description =
          "The strictest RTO and RPO among the active processes that depend on the asset through"
              + " the graph, and which process sets each; null when no process depends on it. For"
              + " a supplier: its guaranteed recovery time and whether that meets the required"
              + " RTO (supplierMeetsRto).")
  @APIResponse(
      responseCode = "200",
      description = "The required targets",
      content = @Content(schema = @Schema(implementation = AssetRequirement.class)))
  @APIResponse(responseCode = "404", description = "No such active asset")
  public AssetRequirement requiredTargets(@PathParam("id") String id) {
    return queries
        .query(new RequiredTargets(id), ResponseTypes.optionalInstanceOf(AssetRequirement.class))
        .join()
        .orElseThrow(() -> new NotFound("Asset", id));
  }
}
