package nl.herstel.incidents.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import nl.herstel.contracts.bia.AssetIdentifiers;
import nl.herstel.contracts.bia.IdentifierKind;
import nl.herstel.incidents.api.IncidentCommands.MapAssetHint;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.IncidentQueries.CountUnresolvedAssets;
import nl.herstel.incidents.api.IncidentQueries.FindBiaAsset;
import nl.herstel.incidents.api.IncidentQueries.FindUnresolvedAsset;
import nl.herstel.incidents.api.IncidentQueries.ListUnresolvedAssets;
import nl.herstel.incidents.query.Hint;
import nl.herstel.incidents.query.UnresolvedAssetView;
import nl.herstel.incidents.query.UnresolvedAssets;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.rest.Problem.FieldError;
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
 * The unresolved queue: SOC hints no BIA asset matched. An incident without its assets has no
 * affected processes and so no RTO/MTPD clocks, so each hint is work: for the BIA (add the asset or
 * identifier; open incidents then resolve it by themselves) or for an incident commander (map it).
 */
@Path("/unresolved-assets")
@RequestScoped
@Tag(name = "Unresolved assets")
@Produces(MediaType.APPLICATION_JSON)
public class UnresolvedAssetResource {
  @Inject QueryGateway queries;
  @Inject CommandGateway commands;
  @Inject RequestValidator validator;

  /** A page of the unresolved queue, as the OpenAPI document shows it. */
  @Schema(description = "One page of unresolved hints; follow next until it is absent")
  public record UnresolvedAssetPage(
      List<UnresolvedAssetView> items,
      @Schema(description = "URL of the next page; absent on the last page") String next,
      @Schema(description = "how many hints the queue holds") Long total) {}

  /**
   * Which BIA asset a hint names.
   *
   * @param hint the hint as the queue lists it (case ignored)
   * @param assetId the BIA asset's id
   */
  @Schema(description = "Map an unresolved hint to a BIA asset")
  public record MappingRequest(
      @NotBlank @Size(max = 1000) String hint, @NotBlank @Size(max = 255) String assetId) {}

  /**
   * A mapping taken: bia-service will add {@code value} as a {@code kind} identifier of the asset.
   */
  @Schema(description = "The mapping, and the identifier bia-service is asked to add")
  public record MappingAnswer(
      String mappingId, String hint, String assetId, IdentifierKind kind, String value) {}

  @GET
  @RolesAllowed({
    Roles.INCIDENT_COMMANDER,
    Roles.RECOVERY_TEAM,
    Roles.MANAGEMENT,
    Roles.AUDITOR,
    Roles.BCM_MANAGER
  })
  @Operation(
      operationId = "listUnresolvedAssets",
      summary = "Hints no BIA asset matched, newest first",
      description =
          "Every asset hint SOC alerts named that the resolution rule matched to no BIA asset,"
              + " with the incidents whose alerts named it and how many alerts did, most recently"
              + " named first. A hint leaves the queue once every incident that named it resolved"
              + " it: automatically when the BIA gains a matching asset or identifier, or after"
              + " POST /unresolved-assets/mappings. Paged: limit (1–1000, default 50) and the"
              + " opaque cursor of the next link.")
  @APIResponse(
      responseCode = "200",
      description = "A page of the queue",
      content = @Content(schema = @Schema(implementation = UnresolvedAssetPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "limit out of range, or a cursor not of this list",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<UnresolvedAssetView> list(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    if (after != null && !after.matches("-?\\d+\\|.*")) {
      throw new InvalidRequest(List.of(new FieldError("cursor", "not a cursor of this list")));
    }
    List<UnresolvedAssetView> rows =
        queries
            .query(
                new ListUnresolvedAssets(size, after),
                ResponseTypes.multipleInstancesOf(UnresolvedAssetView.class))
            .join();
    Long total = queries.query(new CountUnresolvedAssets(), Long.class).join();
    return Page.of(rows, size, UnresolvedAssetView::cursorKey, uri, total);
  }

  @POST
  @Path("/mappings")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.INCIDENT_COMMANDER)
  @Operation(
      operationId = "mapUnresolvedAsset",
      summary = "Say which BIA asset an unresolved hint names",
      description =
          "The hint must be in the queue and the asset active in the BIA. The mapping is"
              + " published as AssetHintMapped; bia-service adds the hint to the asset as an"
              + " identifier (its kind as the hint looks: an address, a CIDR, a cloud resource"
              + " id, an FQDN, a host name, else an alias; asset:NAME tags as the alias NAME) and"
              + " publishes it, and every incident that named the hint then resolves it, with"
              + " its processes' deadlines from the original disruption. bia-service refuses"
              + " (and logs) an identifier another asset holds by then. Mapping a hint again to"
              + " the same asset changes nothing.")
  @APIResponse(
      responseCode = "202",
      description = "Mapped; the BIA and the incidents follow shortly",
      content = @Content(schema = @Schema(implementation = MappingAnswer.class)))
  @APIResponse(
      responseCode = "400",
      description = "hint or assetId missing",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "The hint is not in the queue (field hint), or no such active asset (assetId)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "The hint cannot be an identifier (field hint)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response map(MappingRequest request) {
    validator.check(request);
    UnresolvedAssetView queued =
        queries
            .query(
                new FindUnresolvedAsset(request.hint()),
                ResponseTypes.optionalInstanceOf(UnresolvedAssetView.class))
            .join()
            .orElseThrow(() -> new NotFound("hint", "Unresolved hint", request.hint()));
    AssetRef asset =
        queries
            .query(
                new FindBiaAsset(request.assetId().strip()),
                ResponseTypes.optionalInstanceOf(AssetRef.class))
            .join()
            .orElseThrow(() -> new NotFound("assetId", "Asset", request.assetId()));
    Hint hint = Hint.of(queued.hint());
    IdentifierKind kind = hint.tag() ? IdentifierKind.ALIAS : AssetIdentifiers.infer(hint.key());
    String value;
    try {
      value = AssetIdentifiers.normalize(kind, hint.key());
    } catch (IllegalArgumentException invalid) {
      throw new RuleViolation("hint", "The hint cannot be an identifier: " + invalid.getMessage());
    }
    String mappingId =
        UUID.nameUUIDFromBytes(
                ("hint:" + UnresolvedAssets.key(queued.hint())).getBytes(StandardCharsets.UTF_8))
            .toString();
    commands.sendAndWait(new MapAssetHint(mappingId, queued.hint(), asset.assetId(), kind, value));
    return Response.accepted(
            new MappingAnswer(mappingId, queued.hint(), asset.assetId(), kind, value))
        .build();
  }
}
