package nl.herstel.bia.rest;

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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import nl.herstel.bia.api.BiaCommands.AddAssetDependency;
import nl.herstel.bia.api.BiaCommands.AddProcessDependency;
import nl.herstel.bia.api.BiaCommands.RemoveAssetDependency;
import nl.herstel.bia.api.BiaCommands.RemoveProcessDependency;
import nl.herstel.bia.api.BiaQueries.FindCycles;
import nl.herstel.bia.api.BiaQueries.FindDependency;
import nl.herstel.bia.api.BiaQueries.FindNode;
import nl.herstel.bia.api.BiaQueries.ListDependencies;
import nl.herstel.bia.query.DependencyProjection;
import nl.herstel.bia.query.DependencyView;
import nl.herstel.bia.query.GraphViews.Cycle;
import nl.herstel.bia.query.NodeDirectory.Node;
import nl.herstel.bia.rest.ProcessResource.Created;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.rest.Page;
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
 * The edges of the BIA graph: process → asset ("is supported by"), asset → asset ("depends on"),
 * process → process. Cycles are allowed and reported.
 */
@Path("/dependencies")
@RequestScoped
@Tag(name = "Dependencies")
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
public class DependencyResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /**
   * A dependency to add: {@code fromId} depends on {@code toId}. Dependencies of one {@code fromId}
   * that share an {@code alternativeGroup} are alternatives: any one of them suffices.
   */
  public record AddDependencyRequest(
      @NotBlank @Size(max = 64) String fromId,
      @NotBlank @Size(max = 64) String toId,
      @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._:-]*") String alternativeGroup) {}

  @POST
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "addDependency",
      summary = "Add a dependency",
      description =
          "fromId and toId name processes or assets; their kinds are looked up. Allowed: process"
              + " → asset, process → process, asset → asset. alternativeGroup (optional) marks"
              + " redundancy: the dependencies of one fromId that share a group are alternatives,"
              + " and fromId fails only when all of them fail (two data centres, two internet"
              + " lines). Without a group a dependency is needed on its own. Published as"
              + " DependencyAdded.")
  @APIResponse(
      responseCode = "201",
      description = "Added; Location names the dependency",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  @APIResponse(responseCode = "404", description = "fromId or toId is unknown or retired")
  @APIResponse(responseCode = "409", description = "The dependency exists already")
  @APIResponse(responseCode = "422", description = "Self-dependency or asset → process")
  public Response add(AddDependencyRequest request, @Context UriInfo uri) {
    validator.check(request);
    Node from = activeNode("fromId", request.fromId());
    Node to = activeNode("toId", request.toId());
    if (from.id().equals(to.id())) {
      throw new RuleViolation("toId", "A process or asset cannot depend on itself");
    }
    String id = UUID.randomUUID().toString();
    if (from.kind() == NodeKind.PROCESS) {
      commands.sendAndWait(
          new AddProcessDependency(from.id(), id, to.id(), to.kind(), group(request)));
    } else if (to.kind() == NodeKind.ASSET) {
      commands.sendAndWait(new AddAssetDependency(from.id(), id, to.id(), group(request)));
    } else {
      throw new RuleViolation(
          "toId", "An asset cannot depend on a process; record process → asset instead");
    }
    return Response.created(uri.getAbsolutePathBuilder().path(id).build())
        .entity(new Created(id))
        .build();
  }

  private static String group(AddDependencyRequest request) {
    return request.alternativeGroup() == null ? null : request.alternativeGroup().strip();
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "removeDependency",
      summary = "Remove a dependency",
      description = "Published as DependencyRemoved.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No such dependency")
  public Response remove(@PathParam("id") String id) {
    DependencyView dependency =
        queries
            .query(new FindDependency(id), ResponseTypes.optionalInstanceOf(DependencyView.class))
            .join()
            .orElseThrow(() -> new NotFound("Dependency", id));
    if (dependency.fromKind() == NodeKind.PROCESS) {
      commands.sendAndWait(new RemoveProcessDependency(dependency.fromId(), id));
    } else {
      commands.sendAndWait(new RemoveAssetDependency(dependency.fromId(), id));
    }
    return Response.noContent().build();
  }

  @GET
  @Operation(
      operationId = "listDependencies",
      summary = "List dependencies, optionally only those from one process or asset",
      description =
          "Every dependency (fromId, fromKind, toId, toKind, alternativeGroup, addedAt); fromId"
              + " (optional) keeps those of one process or asset. Pages of `limit` in the order"
              + " they were added; follow `next`.")
  @APIResponse(
      responseCode = "200",
      description = "A page of dependencies",
      content = @Content(schema = @Schema(implementation = Pages.DependencyPage.class)))
  @APIResponse(responseCode = "400", description = "A bad limit or cursor")
  public Page<DependencyView> list(
      @QueryParam("fromId") String fromId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    List<DependencyView> rows =
        queries
            .query(
                new ListDependencies(fromId, Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(DependencyView.class))
            .join();
    return Page.of(rows, size, DependencyProjection::key, uri, null);
  }

  @GET
  @Path("/cycles")
  @Operation(
      operationId = "listDependencyCycles",
      summary = "The cycles in the dependency graph",
      description =
          "Each cycle is a set of active processes and assets that depend on each other in a"
              + " circle (a strongly connected component), sorted by name; one page, never a"
              + " next.")
  @APIResponse(
      responseCode = "200",
      description = "The cycles; none when the graph has no cycle",
      content = @Content(schema = @Schema(implementation = Pages.CyclePage.class)))
  public Page<Cycle> cycles() {
    return Page.whole(
        queries.query(new FindCycles(), ResponseTypes.multipleInstancesOf(Cycle.class)).join());
  }

  private Node activeNode(String field, String id) {
    return queries
        .query(new FindNode(id), ResponseTypes.optionalInstanceOf(Node.class))
        .join()
        .filter(node -> !node.retired())
        .orElseThrow(() -> new NotFound(field, "Active process or asset", id));
  }
}
