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
import nl.herstel.plans.api.PlanQueries.FindCoverage;
import nl.herstel.plans.api.PlanQueries.ListCoverage;
import nl.herstel.plans.query.CoverageView;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.security.Roles;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Coverage: which of the BIA's business processes a published recovery plan recovers. */
@Path("/coverage")
@RequestScoped
@Tag(name = "Coverage")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {
  @Inject QueryGateway queries;

  @GET
  @RolesAllowed({
    Roles.BCM_MANAGER,
    Roles.PROCESS_OWNER,
    Roles.PLAN_OWNER,
    Roles.INCIDENT_COMMANDER,
    Roles.RECOVERY_TEAM,
    Roles.SOC_INTAKE,
    Roles.MANAGEMENT,
    Roles.AUDITOR
  })
  @Operation(
      operationId = "listCoverage",
      summary = "The coverage of every known process",
      description =
          "Every process known from the BIA with its targets, COVERED when a published plan"
              + " covers it (planIds name those plans), NOT_COVERED otherwise. Crown jewels"
              + " first, then by RTO, shortest first. Pages of `limit` (1–1000, default 50);"
              + " follow `next`.")
  @APIResponse(
      responseCode = "200",
      description = "A page of the coverage of every process",
      content = @Content(schema = @Schema(implementation = Pages.CoveragePage.class)))
  @APIResponse(responseCode = "400", description = "A bad limit or cursor")
  @APIResponse(responseCode = "403", description = "A role that may not read coverage")
  public Page<CoverageView> list(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    List<CoverageView> rows =
        queries
            .query(
                new ListCoverage(Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(CoverageView.class))
            .join();
    return Page.of(rows, size, CoverageView::processId, uri, null);
  }

  @GET
  @Path("/{processId}")
  @RolesAllowed({
    Roles.BCM_MANAGER,
    Roles.PROCESS_OWNER,
    Roles.PLAN_OWNER,
    Roles.INCIDENT_COMMANDER,
    Roles.RECOVERY_TEAM,
    Roles.SOC_INTAKE,
    Roles.MANAGEMENT,
    Roles.AUDITOR
  })
  @Operation(
      operationId = "getCoverage",
      summary = "The coverage of one known process",
      description =
          "COVERED when the published version of a plan that is not retired covers the"
              + " process (planIds name those plans), NOT_COVERED otherwise.")
  @APIResponse(
      responseCode = "200",
      description = "The process's coverage",
      content = @Content(schema = @Schema(implementation = CoverageView.class)))
  @APIResponse(responseCode = "404", description = "The BIA has not told plan-service of it")
  public CoverageView get(@PathParam("processId") String processId) {
    return queries
        .query(new FindCoverage(processId), ResponseTypes.optionalInstanceOf(CoverageView.class))
        .join()
        .orElseThrow(() -> new NotFound("Process", processId));
  }
}
