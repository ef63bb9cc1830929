package nl.herstel.bia.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import nl.herstel.bia.api.BiaCommands.RegisterAsset;
import nl.herstel.bia.api.BiaCommands.RetireAsset;
import nl.herstel.bia.api.BiaQueries.AssetImpact;
import nl.herstel.bia.api.BiaQueries.FindAsset;
import nl.herstel.bia.api.BiaQueries.ListAssets;
import nl.herstel.bia.api.BiaQueries.RequiredTargets;
import nl.herstel.bia.query.AssetView;
import nl.herstel.bia.query.GraphViews.AssetImpactView;
import nl.herstel.bia.query.GraphViews.AssetRequirement;
import nl.herstel.bia.rest.ProcessResource.Created;
import nl.herstel.bia.rest.ProcessResource.RetirementRequest;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Assets: the software, hardware, people, suppliers, data and facilities processes rely on. */
@Path("/assets")
@RequestScoped
@Tag(name = "Assets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssetResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /** An asset to register. */
  public record RegisterAssetRequest(
      @NotBlank @Size(max = 200) String name,
      @NotNull AssetKind kind,
      @Size(max = 4000) String description) {}

  @POST
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      summary = "Register an asset",
      description =
          "kind is one of SOFTWARE, HARDWARE, PEOPLE, SUPPLIER, DATA, FACILITY. SOC alerts name"
              + " assets by this name.")
  @APIResponse(responseCode = "201", description = "Registered; Location names the asset")
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  public Response register(RegisterAssetRequest request, @Context UriInfo uri) {
    validator.check(request);
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(
        new RegisterAsset(id, request.name().strip(), request.kind(), request.description()));
    return Response.created(uri.getAbsolutePathBuilder().path(id).build())
        .entity(new Created(id))
        .build();
  }

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
  @Operation(summary = "List assets by name")
  public List<AssetView> list() {
    return queries
        .query(new ListAssets(), ResponseTypes.multipleInstancesOf(AssetView.class))
        .join();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({
    Roles.BCM_MANAGER,
    Roles.PROCESS_OWNER,
    Roles.PLAN_OWNER,
    Roles.INCIDENT_COMMANDER,
    Roles.RECOVERY_TEAM,
    Roles.MANAGEMENT,
    Roles.AUDITOR
  })
  @Operation(summary = "One asset")
  @APIResponse(responseCode = "404", description = "No such asset")
  public AssetView get(@PathParam("id") String id) {
    return queries
        .query(new FindAsset(id), ResponseTypes.optionalInstanceOf(AssetView.class))
        .join()
        .orElseThrow(() -> new NotFound("Asset", id));
  }

  @POST
  @Path("/{id}/retirement")
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      summary = "Retire an asset",
      description = "The asset stays in the history; nothing new may depend on it.")
  @APIResponse(responseCode = "200", description = "Retired")
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

  @GET
  @Path("/{id}/impact")
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
      summary = "Which processes this asset's failure hits",
      description =
          "Every active process that depends on the asset, directly or through other assets and"
              + " processes, with one shortest dependency path (process first, the asset last),"
              + " ranked by MTPD then RTO.")
  @APIResponse(responseCode = "200", description = "The processes hit")
  @APIResponse(responseCode = "404", description = "No such active asset")
  public AssetImpactView impact(@PathParam("id") String id) {
    return queries
        .query(new AssetImpact(id), ResponseTypes.optionalInstanceOf(AssetImpactView.class))
        .join()
        .orElseThrow(() -> new NotFound("Asset", id));
  }

  @GET
  @Path("/{id}/required-targets")
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
      summary = "The RTO and RPO this asset must achieve",
      description =
          "The strictest RTO and RPO among the active processes that depend on the asset through"
              + " the graph, and which process sets each; null when no process depends on it.")
  @APIResponse(responseCode = "200", description = "The required targets")
  @APIResponse(responseCode = "404", description = "No such active asset")
  public AssetRequirement requiredTargets(@PathParam("id") String id) {
    return queries
        .query(new RequiredTargets(id), ResponseTypes.optionalInstanceOf(AssetRequirement.class))
        .join()
        .orElseThrow(() -> new NotFound("Asset", id));
  }
}
