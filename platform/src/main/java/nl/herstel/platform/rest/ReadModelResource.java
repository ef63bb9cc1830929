package nl.herstel.platform.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import nl.herstel.platform.axon.AxonRuntime;
import nl.herstel.platform.axon.ReadModels;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every service's read models (one per processing group) and their rebuild from the event store
 * (see {@link ReadModels}). The BCM manager, who answers for the whole recovery system, starts a
 * rebuild; auditors read where each read model stands.
 */
@Path("/admin/read-models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Read models", description = "The read models and their rebuild from the events")
@RolesAllowed({Roles.BCM_MANAGER, Roles.AUDITOR})
public class ReadModelResource {
  /** The header on every answer while a read model is rebuilt: answers may be partial. */
  public static final String REBUILDING = "Herstel-Read-Model-Rebuilding";

  @Inject AxonRuntime axon;

  /** The schema of a page of read models, for the OpenAPI document. */
  @Schema(description = "The read models of this service")
  public record ReadModelPage(List<ReadModels.Group> items, String next, Long total) {}

  @GET
  @Operation(
      operationId = "listReadModels",
      summary = "The read models, with their token position and lag",
      description =
          "One per processing group: the global index its token has reached (`position`), how"
              + " many stored events it is behind (`lag`, by global index), whether it is"
              + " replaying, and whether it can be rebuilt (and if not, why).")
  @APIResponse(
      responseCode = "200",
      description = "The read models, by name",
      content = @Content(schema = @Schema(implementation = ReadModelPage.class)))
  public Page<ReadModels.Group> list(@QueryParam("limit") Integer limit, @Context UriInfo uri) {
    int size = Page.limit(limit);
    List<ReadModels.Group> groups = readModels().groups();
    return Page.of(groups, size, ReadModels.Group::name, uri, (long) groups.size());
  }

  @POST
  @Path("/{name}/rebuild")
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "rebuildReadModel",
      summary = "Rebuild a read model from the event store",
      description =
          "Stops its processor, clears its tables and replays every stored event while the"
              + " service keeps answering; until the rebuild is DONE its answers may be partial"
              + " (every answer then carries the header `"
              + REBUILDING
              + "`). Poll the rebuild at `Location`. Refused for processors with effects outside"
              + " their tables (the Kafka publisher, live feeds).")
  @APIResponse(
      responseCode = "202",
      description = "Started; the rebuild's status is at `Location`",
      content = @Content(schema = @Schema(implementation = ReadModels.Rebuild.class)))
  @APIResponse(
      responseCode = "404",
      description = "No read model of that name",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "It cannot be rebuilt, or is being rebuilt already (the detail says why)",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Response rebuild(@PathParam("name") String name, @Context UriInfo uri) {
    ReadModels.Rebuild rebuild = readModels().rebuild(name);
    return Response.accepted(rebuild)
        .location(
            uri.getBaseUriBuilder()
                .path(ReadModelResource.class)
                .path("rebuilds")
                .path(rebuild.id())
                .build())
        .build();
  }

  @GET
  @Path("/rebuilds/{id}")
  @Operation(
      operationId = "getReadModelRebuild",
      summary = "Where a rebuild stands",
      description =
          "RUNNING, DONE or FAILED (with the error); the events stored when it started"
              + " (`eventsToReplay`), how many it has replayed, `progress` from 0 to 1, the"
              + " duration so far and the replay rate. Kept until the service restarts.")
  @APIResponse(
      responseCode = "200",
      description = "The rebuild",
      content = @Content(schema = @Schema(implementation = ReadModels.Rebuild.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such rebuild",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public ReadModels.Rebuild status(@PathParam("id") String id) {
    return readModels().find(id);
  }

  private ReadModels readModels() {
    return axon.readModels().orElseThrow(() -> new NotFound("Resource", "read-models"));
  }
}
