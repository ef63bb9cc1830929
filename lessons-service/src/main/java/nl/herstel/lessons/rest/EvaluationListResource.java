package nl.herstel.lessons.rest;

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
import java.time.Instant;
import java.util.List;
import nl.herstel.lessons.api.EvaluationQueries.ListEvaluations;
import nl.herstel.lessons.api.EvaluationQueries.ListOverdueEvaluations;
import nl.herstel.lessons.api.EvaluationStatus;
import nl.herstel.lessons.query.EvaluationProjection;
import nl.herstel.lessons.query.EvaluationView;
import nl.herstel.lessons.query.OverdueEvaluationView;
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

/** Evaluations across incidents, and the incidents whose evaluation is overdue. */
@Path("/evaluations")
@RequestScoped
@Tag(name = "Evaluations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.BCM_MANAGER,
  Roles.INCIDENT_COMMANDER,
  Roles.MANAGEMENT,
  Roles.AUDITOR,
  Roles.PROCESS_OWNER
})
public class EvaluationListResource {
  @Inject QueryGateway queries;

  @GET
  @Operation(
      operationId = "listEvaluations",
      summary = "Evaluations of all incidents",
      description =
          "Newest first, in pages of `limit`; `status` (DRAFT, FINAL) and `incidentId` narrow it.")
  @APIResponse(
      responseCode = "200",
      description = "A page of evaluations",
      content = @Content(schema = @Schema(implementation = Pages.EvaluationPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad status, limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<EvaluationView> list(
      @QueryParam("status") String status,
      @QueryParam("incidentId") String incidentId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    return page(queries, status, incidentId, limit, cursor, uri);
  }

  @GET
  @Path("/overdue")
  @Operation(
      operationId = "listOverdueEvaluations",
      summary = "Incidents whose evaluation is overdue",
      description =
          "Closed incidents that the evaluation policy requires to be evaluated (by severity,"
              + " category or a breached RTO/MTPD) and that have no final evaluation although its"
              + " due date (closure + the policy's dueAfterClosure) has passed; earliest due first,"
              + " with the rules that require it. Merged and dismissed incidents are not listed.")
  @APIResponse(
      responseCode = "200",
      description = "A page of overdue incidents",
      content = @Content(schema = @Schema(implementation = Pages.OverdueEvaluationPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad limit or cursor",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public Page<OverdueEvaluationView> overdue(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    List<OverdueEvaluationView> rows =
        queries
            .query(
                new ListOverdueEvaluations(Instant.now(), Page.after(cursor), size),
                ResponseTypes.multipleInstancesOf(OverdueEvaluationView.class))
            .join();
    return Page.of(rows, size, EvaluationProjection::key, uri, null);
  }

  static Page<EvaluationView> page(
      QueryGateway queries,
      String status,
      String incidentId,
      Integer limit,
      String cursor,
      UriInfo uri) {
    int size = Page.limit(limit);
    List<EvaluationView> rows =
        queries
            .query(
                new ListEvaluations(
                    QueryParams.parse("status", status, EvaluationStatus.class),
                    incidentId,
                    Page.after(cursor),
                    size),
                ResponseTypes.multipleInstancesOf(EvaluationView.class))
            .join();
    return Page.of(rows, size, EvaluationProjection::key, uri, null);
  }
}
