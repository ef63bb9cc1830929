package nl.herstel.plans.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import nl.herstel.plans.api.PlanQueries.ListInventory;
import nl.herstel.plans.query.InventoryItem;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.Problem;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The inventory of systems and applications, derived from the BIA (DOMAIN.md, step 2). */
@Path("/inventory")
@RequestScoped
@Tag(name = "System documentation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.BCM_MANAGER,
  Roles.PROCESS_OWNER,
  Roles.PLAN_OWNER,
  Roles.INCIDENT_COMMANDER,
  Roles.RECOVERY_TEAM,
  Roles.MANAGEMENT,
  Roles.AUDITOR
})
public class InventoryResource {
  @Inject QueryGateway queries;

  @GET
  @Operation(
      operationId = "listInventory",
      summary = "Systems and applications, ranked by business impact",
      description =
          "Every BIA asset that is not retired, with what it depends on, the suppliers behind it"
              + " and the processes relying on it (directly or through other assets); those serving"
              + " a crown jewel first, then by the shortest RTO relying on them. Learned from the"
              + " BIA's events, never typed in twice. Pages of `limit`.")
  @APIResponse(
      responseCode = "200",
      description = "A page of the inventory",
      content = @Content(schema = @Schema(implementation = Pages.InventoryPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<InventoryItem> list(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    int from;
    try {
      from = after == null ? 0 : Integer.parseInt(after);
    } catch (NumberFormatException e) {
      throw new InvalidRequest(
          List.of(new Problem.FieldError("cursor", "not a cursor of this list")));
    }
    List<InventoryItem> rows =
        queries
            .query(
                new ListInventory(from, size),
                ResponseTypes.multipleInstancesOf(InventoryItem.class))
            .join();
    return Page.of(rows, size, i -> Integer.toString(i.rank()), uri, null);
  }
}
