package nl.herstel.plans.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import nl.herstel.plans.api.PlanImprovementQueries.ListPlanImprovementActions;
import nl.herstel.plans.api.PlanQueries.FindPlan;
import nl.herstel.plans.query.PlanImprovementActionView;
import nl.herstel.plans.query.PlanImprovementActions;
import nl.herstel.plans.query.PlanView;
import nl.herstel.platform.domain.NotFound;
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

/**
 * The improvement actions that lessons-service agreed on for a plan or its scenario cards after an
 * incident (DOMAIN.md, "Improve"): what the plan's owner must change, and how far it got.
 */
@Path("/plans/{id}/improvement-actions")
@RequestScoped
@Tag(name = "Plans")
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
public class PlanImprovementActionResource {
  @Inject QueryGateway queries;

  @GET
  @Operation(
      operationId = "listPlanImprovementActions",
      summary = "Improvement actions for a plan",
      description =
          "The actions lessons-service published (ImprovementActionRecorded / Changed) whose"
              + " target is this plan, one of its scenario cards, a training record for this plan"
              + " or a backup policy of an asset the plan covers (a supplier asset it names, or"
              + " an asset a covered process relies on in the BIA); `targetKind` and `targetId`"
              + " say which. Earliest due first, in pages"
              + " of `limit`, each as lessons-service last changed it (status, owner, due).")
  @APIResponse(
      responseCode = "200",
      description = "A page of actions",
      content = @Content(schema = @Schema(implementation = Pages.PlanImprovementActionPage.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such plan",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<PlanImprovementActionView> list(
      @PathParam("id") String planId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    if (queries
        .query(new FindPlan(planId), ResponseTypes.optionalInstanceOf(PlanView.class))
        .join()
        .isEmpty()) {
      throw new NotFound("Plan", planId);
    }
    int size = Page.limit(limit);
    List<PlanImprovementActionView> rows =
        queries
            .query(
                new ListPlanImprovementActions(planId, Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(PlanImprovementActionView.class))
            .join();
    return Page.of(rows, size, PlanImprovementActions::key, uri, null);
  }
}
