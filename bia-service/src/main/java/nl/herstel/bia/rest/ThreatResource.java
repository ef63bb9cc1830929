package nl.herstel.bia.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.bia.api.BiaCommands.RateThreatImpact;
import nl.herstel.bia.api.BiaCommands.RateThreatLikelihood;
import nl.herstel.bia.api.BiaCommands.RegisterThreat;
import nl.herstel.bia.api.BiaQueries;
import nl.herstel.bia.api.BiaQueries.FindNode;
import nl.herstel.bia.api.BiaQueries.ListThreats;
import nl.herstel.bia.api.BiaQueries.ThreatsAsOf;
import nl.herstel.bia.query.NodeDirectory.Node;
import nl.herstel.bia.query.ThreatProjection;
import nl.herstel.bia.query.ThreatView;
import nl.herstel.bia.rest.ProcessResource.Created;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.Page;
import nl.herstel.platform.rest.RequestValidator;
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

/** The threat catalogue, its likelihoods, its impact on processes and the risk matrix. */
@Path("/threats")
@RequestScoped
@Tag(name = "Threats")
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
public class ThreatResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /** A threat to add, e.g. ransomware with likelihood 4. */
  public record RegisterThreatRequest(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 4000) String description,
      @NotNull @Min(1) @Max(5) Integer likelihood) {}

  /** A likelihood, 1 (rare) to 5 (almost certain). */
  public record LikelihoodRequest(@NotNull @Min(1) @Max(5) Integer likelihood) {}

  /** An impact on a process, 1 (minor) to 5 (catastrophic). */
  public record ImpactRequest(@NotNull @Min(1) @Max(5) Integer impact) {}

  /** One cell of the risk matrix and the threat × process pairs in it. */
  public record MatrixCell(int likelihood, int impact, int score, List<Entry> entries) {}

  /** A threat hitting a process. */
  public record Entry(String threatId, String threat, String processId, String process) {}

  @POST
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "registerThreat",
      summary = "Add a threat to the catalogue",
      description =
          "name, description (optional) and likelihood 1 (rare) to 5 (almost certain). Published"
              + " as ThreatRegistered; rate its impact per process with PUT"
              + " /threats/{id}/impacts/{processId}.")
  @APIResponse(
      responseCode = "201",
      description = "Added; Location names the threat",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(responseCode = "400", description = "A field is missing, malformed or out of range")
  public Response register(RegisterThreatRequest request, @Context UriInfo uri) {
    validator.check(request);
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(
        new RegisterThreat(
            id, request.name().strip(), request.description(), request.likelihood()));
    return Response.created(uri.getAbsolutePathBuilder().path(id).build())
        .entity(new Created(id))
        .build();
  }

  @PUT
  @Path("/{id}/likelihood")
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "setThreatLikelihood",
      summary = "Change a threat's likelihood",
      description =
          "likelihood 1 (rare) to 5 (almost certain); the risk scores of its impacts follow."
              + " Published as ThreatLikelihoodChanged.")
  @APIResponse(
      responseCode = "200",
      description = "Changed",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(responseCode = "400", description = "likelihood missing or outside 1..5")
  @APIResponse(responseCode = "404", description = "No such threat")
  public Created likelihood(@PathParam("id") String id, LikelihoodRequest request) {
    validator.check(request);
    send(id, new RateThreatLikelihood(id, request.likelihood()));
    return new Created(id);
  }

  @PUT
  @Path("/{id}/impacts/{processId}")
  @RolesAllowed(Roles.BCM_MANAGER)
  @Operation(
      operationId = "rateThreatImpact",
      summary = "Rate how hard a threat would hit a process (replaces an earlier rating)",
      description =
          "impact 1 (minor) to 5 (catastrophic) on one active process; the risk score is"
              + " likelihood × impact. Published as ThreatImpactRated.")
  @APIResponse(
      responseCode = "200",
      description = "Rated",
      content = @Content(schema = @Schema(implementation = Created.class)))
  @APIResponse(responseCode = "400", description = "impact missing or outside 1..5")
  @APIResponse(responseCode = "404", description = "No such threat, or no such active process")
  public Created impact(
      @PathParam("id") String id, @PathParam("processId") String processId, ImpactRequest request) {
    validator.check(request);
    queries
        .query(new FindNode(processId), ResponseTypes.optionalInstanceOf(Node.class))
        .join()
        .filter(node -> node.kind() == NodeKind.PROCESS && !node.retired())
        .orElseThrow(() -> new NotFound("processId", "Process", processId));
    send(id, new RateThreatImpact(id, processId, request.impact()));
    return new Created(id);
  }

  @GET
  @Operation(
      operationId = "listThreats",
      summary = "The threat catalogue",
      description =
          "Each threat with its likelihood and per process impact and risk score. asOf"
              + " (optional, ISO-8601 instant): the catalogue as it stood at that moment. Pages of"
              + " `limit` by name; follow `next`.")
  @APIResponse(
      responseCode = "200",
      description = "A page of threats",
      content = @Content(schema = @Schema(implementation = Pages.ThreatPage.class)))
  @APIResponse(responseCode = "400", description = "A bad limit or cursor")
  @APIResponse(responseCode = "422", description = "asOf is not an ISO-8601 instant")
  public Page<ThreatView> list(
      @QueryParam("asOf") String asOf,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    int size = Page.limit(limit);
    String after = Page.after(cursor);
    if (asOf != null) {
      List<ThreatView> rows =
          queries
              .query(
                  new ThreatsAsOf(Moments.parse("asOf", asOf), after, size),
                  ResponseTypes.multipleInstancesOf(ThreatView.class))
              .join();
      return Page.ofWindow(rows, after, size, uri, null);
    }
    return Page.of(threats(after, size), size, ThreatProjection::key, uri, null);
  }

  @GET
  @Path("/matrix")
  @Operation(
      operationId = "getRiskMatrix",
      summary = "The 5 × 5 risk matrix",
      description =
          "All 25 cells, highest likelihood first, each with the threat × process pairs in it;"
              + " one page, never a next.")
  @APIResponse(
      responseCode = "200",
      description = "The 25 cells",
      content = @Content(schema = @Schema(implementation = Pages.RiskMatrixPage.class)))
  public Page<MatrixCell> matrix() {
    List<ThreatView> threats = threats(null, BiaQueries.ALL);
    List<MatrixCell> cells = new ArrayList<>();
    for (int likelihood = 5; likelihood >= 1; likelihood--) {
      for (int impact = 1; impact <= 5; impact++) {
        List<Entry> entries = new ArrayList<>();
        for (ThreatView threat : threats) {
          if (threat.likelihood() != likelihood) {
            continue;
          }
          for (ThreatView.Risk risk : threat.risks()) {
            if (risk.impact() == impact) {
              entries.add(
                  new Entry(threat.id(), threat.name(), risk.processId(), risk.processName()));
            }
          }
        }
        cells.add(new MatrixCell(likelihood, impact, likelihood * impact, entries));
      }
    }
    return Page.whole(cells);
  }

  private List<ThreatView> threats(String after, int limit) {
    return queries
        .query(new ListThreats(after, limit), ResponseTypes.multipleInstancesOf(ThreatView.class))
        .join();
  }

  private void send(String id, Object command) {
    try {
      commands.sendAndWait(command);
    } catch (AggregateNotFoundException e) {
      throw new NotFound("Threat", id);
    }
  }
}
