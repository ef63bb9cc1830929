package nl.herstel.plans.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import nl.herstel.plans.api.PlanCommands.PublishPlan;
import nl.herstel.plans.api.PlanQueries.FindPlan;
import nl.herstel.plans.api.PlanQueries.FindUnknownProcesses;
import nl.herstel.plans.api.PlanQueries.ListPlans;
import nl.herstel.plans.api.Scenario;
import nl.herstel.plans.api.ScenarioCard;
import nl.herstel.plans.query.PlanView;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.rest.RequestValidator;
import nl.herstel.platform.security.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Recovery plans (herstelplannen): publish them and read them. */
@Path("/plans")
@RequestScoped
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /**
   * A plan to publish.
   *
   * @param coveredProcessIds ids of BIA processes this plan recovers; each must be known
   * @param activationRoles roles that may activate the plan; default {@code incident-commander}
   * @param scenarioCards the plan's scenario cards; default none
   */
  public record PublishPlanRequest(
      @NotBlank @Size(max = 200) String name,
      @NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 64) String> coveredProcessIds,
      @Size(max = 8) List<@NotBlank @Size(max = 64) String> activationRoles,
      @Size(max = 50) List<@NotNull @Valid ScenarioCardRequest> scenarioCards) {}

  /** One scenario card of a plan: the scenario, a title and at least one step, in order. */
  public record ScenarioCardRequest(
      @NotNull Scenario scenario,
      @NotBlank @Size(max = 200) String title,
      @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 2000) String> steps) {}

  /** The id of what was created. */
  public record Created(String id) {}

  @POST
  @RolesAllowed({Roles.PLAN_OWNER, Roles.BCM_MANAGER})
  @Operation(
      summary = "Publish a recovery plan",
      description =
          "Publishes the plan as version 1 and announces it on Kafka (PlanPublished). Every"
              + " covered process must be known from the BIA; activationRoles are Herstel roles"
              + " (default incident-commander); scenario is one of RANSOMWARE, DDOS,"
              + " POWER_OUTAGE, FIRE, WATER_LEAK, INTERNET_OUTAGE, SUPPLIER_FAILURE, OTHER."
              + " A rejected request stores nothing.")
  @APIResponse(responseCode = "201", description = "Published; Location names the plan")
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  @APIResponse(responseCode = "404", description = "A covered process is not known")
  @APIResponse(
      responseCode = "422",
      description = "A domain rule is broken, e.g. a process or role named twice, an unknown role")
  public Response publish(PublishPlanRequest request, @Context UriInfo uri) {
    validator.check(request);
    List<String> unknown =
        queries
            .query(
                new FindUnknownProcesses(request.coveredProcessIds()),
                ResponseTypes.multipleInstancesOf(String.class))
            .join();
    if (!unknown.isEmpty()) {
      throw new NotFound("coveredProcessIds", "Process", unknown.get(0));
    }
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(
        new PublishPlan(
            id,
            request.name().strip(),
            request.coveredProcessIds(),
            request.activationRoles() == null
                ? List.of(Roles.INCIDENT_COMMANDER)
                : request.activationRoles(),
            request.scenarioCards() == null
                ? List.of()
                : request.scenarioCards().stream()
                    .map(c -> new ScenarioCard(c.scenario(), c.title().strip(), c.steps()))
                    .toList()));
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
    Roles.SOC_INTAKE,
    Roles.MANAGEMENT,
    Roles.AUDITOR
  })
  @Operation(summary = "List recovery plans by name")
  public List<PlanView> list() {
    return queries.query(new ListPlans(), ResponseTypes.multipleInstancesOf(PlanView.class)).join();
  }

  @GET
  @Path("/{id}")
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
  @Operation(summary = "One recovery plan with its covered processes and scenario cards")
  @APIResponse(responseCode = "404", description = "No such plan")
  public PlanView get(@PathParam("id") String id) {
    return queries
        .query(new FindPlan(id), ResponseTypes.optionalInstanceOf(PlanView.class))
        .join()
        .orElseThrow(() -> new NotFound("Plan", id));
  }
}
