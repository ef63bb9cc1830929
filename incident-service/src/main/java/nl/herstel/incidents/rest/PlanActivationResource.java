package nl.herstel.incidents.rest;

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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.herstel.incidents.api.IncidentCategory;
import nl.herstel.incidents.api.IncidentStatus;
import nl.herstel.incidents.api.PlanQueries.FindActivatedPlan;
import nl.herstel.incidents.api.PlanQueries.FindPlan;
import nl.herstel.incidents.api.PlanQueries.ProposePlans;
import nl.herstel.incidents.api.RecoveryCommands.ActivatePlan;
import nl.herstel.incidents.api.RecoveryCommands.ActivationAnswer;
import nl.herstel.incidents.api.RecoveryCommands.CardSteps;
import nl.herstel.incidents.api.RecoveryCommands.ClassifyIncident;
import nl.herstel.incidents.query.ActivatedPlanView;
import nl.herstel.incidents.query.PlanCopyView;
import nl.herstel.incidents.query.PlanProposal;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.NotPermitted;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.messaging.CallContext;
import nl.herstel.platform.messaging.Caller;
import nl.herstel.platform.rest.Problem;
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
 * Activating a recovery plan on an incident: its category, the proposed recovery plans, activating
 * one under the plan's mandate (its scenario card's steps become recovery tasks), and the activated
 * plan at hand (DOMAIN.md, step 2: activation; scenario cards).
 */
@Path("/")
@RequestScoped
@Tag(name = "Recovery")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanActivationResource {
  @Inject CommandGateway commands;
  @Inject QueryGateway queries;
  @Inject RequestValidator validator;

  /** What kind of incident this is, and why the commander thinks so. */
  public record ClassificationRequest(
      @NotNull IncidentCategory category, @Size(max = 2000) String reason) {}

  /**
   * Activate a plan.
   *
   * @param scenarioCardId the card whose steps become recovery tasks (see the proposal); none: the
   *     plan is activated without tasks
   */
  public record ActivationRequest(
      @NotBlank @Size(max = 255) String planId,
      @Size(min = 1, max = 300) String scenarioCardId,
      @NotBlank @Size(max = 2000) String reason) {}

  /** The incident's new category. */
  public record ClassificationAnswer(String incidentId, IncidentCategory category) {}

  /** The activated plan, under which mandate, and the tasks its card's steps became. */
  public record ActivationAnswerBody(
      String incidentId,
      String planId,
      int planVersion,
      String scenarioCardId,
      String mandate,
      IncidentStatus status,
      List<String> taskIds) {}

  @POST
  @Path("/{id}/classification")
  @RolesAllowed(Roles.INCIDENT_COMMANDER)
  @Operation(
      operationId = "classifyIncident",
      summary = "Classify an incident",
      description =
          "category: one of RANSOMWARE, MALWARE, DDOS, DATA_BREACH, PHISHING, INTERNET_OUTAGE,"
              + " POWER_OUTAGE, FIRE, FLOOD, SUPPLIER_FAILURE, HUMAN_ERROR, OTHER (the threats of"
              + " the threat analysis); reason optional. The category picks the scenario cards"
              + " the plan proposal marks as fitting. Classifying again replaces it; the same"
              + " category again changes nothing.")
  @APIResponse(
      responseCode = "202",
      description = "Stored",
      content = @Content(schema = @Schema(implementation = ClassificationAnswer.class)))
  @APIResponse(responseCode = "400", description = "category missing or unknown")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(responseCode = "409", description = "The incident is closed or merged")
  public Response classify(
      @PathParam("id") String id, ClassificationRequest request, @Context UriInfo uri) {
    validator.check(request);
    String incidentId = KnownIncidents.canonical(id);
    KnownIncidents.send(
        id,
        () ->
            commands.sendAndWait(
                new ClassifyIncident(incidentId, request.category(), strip(request.reason()))));
    return Response.accepted(new ClassificationAnswer(incidentId, request.category()))
        .location(uri.getBaseUriBuilder().path(incidentId).build())
        .build();
  }

  @GET
  @Path("/{id}/plan-proposal")
  @RolesAllowed({
    Roles.INCIDENT_COMMANDER,
    Roles.RECOVERY_TEAM,
    Roles.MANAGEMENT,
    Roles.AUDITOR,
    Roles.BCM_MANAGER
  })
  @Operation(
      operationId = "getPlanProposal",
      summary = "The recovery plans proposed for an incident",
      description =
          "The published plans covering at least one of the incident's disrupted processes,"
              + " best first (rank 1): plans with a scenario card fitting the incident's category"
              + " first, then those covering more disrupted processes, then the one covering the"
              + " most urgent process (earliest RTO deadline). Each plan lists who may activate it"
              + " (mandate; the incident commander when the plan names no role), the disrupted"
              + " processes it covers, its scenario cards (fitting ones first, with fits=true) and"
              + " why it has its rank. Plans come from plan-service's published events and may"
              + " take a moment to appear.")
  @APIResponse(
      responseCode = "200",
      description = "The proposal; plans may be empty",
      content = @Content(schema = @Schema(implementation = PlanProposal.class)))
  @APIResponse(responseCode = "404", description = "No such incident (yet)")
  public PlanProposal proposal(@PathParam("id") String id) {
    String incidentId = KnownIncidents.canonical(id);
    return queries
        .query(new ProposePlans(incidentId), ResponseTypes.optionalInstanceOf(PlanProposal.class))
        .join()
        .orElseThrow(() -> new NotFound("Incident", id));
  }

  @GET
  @Path("/{id}/plan")
  @RolesAllowed({
    Roles.INCIDENT_COMMANDER,
    Roles.RECOVERY_TEAM,
    Roles.MANAGEMENT,
    Roles.AUDITOR,
    Roles.BCM_MANAGER
  })
  @Operation(
      operationId = "getActivatedPlan",
      summary = "The recovery plan activated on an incident",
      description =
          "The plan of the incident's latest activation as the recovery team needs it at hand:"
              + " the call tree in escalation order with each person's channels (outOfBand marks"
              + " those that work with the network down), the teams with members and deputies, the"
              + " decision mandates, activation and termination criteria, the activated scenario"
              + " card and all cards with their steps (role, expected duration, dependencies).")
  @APIResponse(
      responseCode = "200",
      description = "The activated plan",
      content = @Content(schema = @Schema(implementation = ActivatedPlanView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such incident, or no plan activated on it",
      content = @Content(schema = @Schema(implementation = Problem.class)))
  public ActivatedPlanView activatedPlan(@PathParam("id") String id) {
    String incidentId = KnownIncidents.canonical(id);
    return queries
        .query(
            new FindActivatedPlan(incidentId),
            ResponseTypes.optionalInstanceOf(ActivatedPlanView.class))
        .join()
        .orElseThrow(() -> new NotFound("Activated plan of incident", id));
  }

  @POST
  @Path("/{id}/activation")
  @RolesAllowed({
    Roles.INCIDENT_COMMANDER,
    Roles.MANAGEMENT,
    Roles.BCM_MANAGER,
    Roles.PLAN_OWNER,
    Roles.PROCESS_OWNER,
    Roles.RECOVERY_TEAM
  })
  @Operation(
      operationId = "activatePlan",
      summary = "Activate a recovery plan",
      description =
          "planId: a published plan; scenarioCardId (optional): one of its cards, whose steps"
              + " become recovery tasks for the recovery team, in order; reason. Only a caller"
              + " holding a role the plan mandates may activate it (the incident commander when"
              + " the plan names none): anyone else gets 403, and the refused attempt is recorded"
              + " in the incident's history (PlanActivationRefused). The incident must be TRIAGED;"
              + " it becomes PLAN_ACTIVATED, with the transition recorded.")
  @APIResponse(
      responseCode = "202",
      description = "Activated; the answer lists the new task ids",
      content = @Content(schema = @Schema(implementation = ActivationAnswerBody.class)))
  @APIResponse(responseCode = "400", description = "A field is missing or malformed; it is named")
  @APIResponse(responseCode = "403", description = "The caller holds no role the plan mandates")
  @APIResponse(responseCode = "404", description = "No such incident")
  @APIResponse(
      responseCode = "409",
      description = "The incident is not TRIAGED (e.g. still REPORTED, or already activated)")
  @APIResponse(
      responseCode = "422",
      description = "planId names no published plan, or scenarioCardId no card of it")
  public Response activate(
      @PathParam("id") String id,
      ActivationRequest request,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    validator.check(request);
    String incidentId = KnownIncidents.canonical(id);
    String planId = request.planId().strip();
    PlanCopyView plan =
        queries
            .query(new FindPlan(planId), ResponseTypes.optionalInstanceOf(PlanCopyView.class))
            .join()
            .orElseThrow(
                () -> new RuleViolation("planId", "No published plan '" + planId + "' is known"));
    CardSteps card = null;
    if (request.scenarioCardId() != null) {
      String cardId = request.scenarioCardId().strip();
      PlanCopyView.Card found = plan.card(cardId);
      if (found == null) {
        throw new RuleViolation(
            "scenarioCardId",
            "Plan '"
                + plan.name()
                + "' has no scenario card '"
                + cardId
                + "'; it has: "
                + plan.cards().stream()
                    .map(PlanCopyView.Card::scenarioCardId)
                    .collect(Collectors.joining(", ")));
      }
      card =
          new CardSteps(
              found.scenarioCardId(),
              found.scenario(),
              found.title(),
              found.steps(),
              IntStream.range(0, found.steps().size()).mapToObj(found::role).toList());
    }
    String mandate =
        plan.mandate().stream().filter(security::isUserInRole).findFirst().orElse(null);
    List<String> taskIds =
        IntStream.range(0, card == null ? 0 : card.steps().size())
            .mapToObj(i -> UUID.randomUUID().toString())
            .toList();
    ActivatePlan command =
        new ActivatePlan(
            incidentId,
            plan.planId(),
            plan.version(),
            plan.name(),
            plan.mandate(),
            mandate,
            CallContext.current().map(Caller::role).orElse(""),
            card,
            taskIds,
            request.reason().strip());
    ActivationAnswer answer = KnownIncidents.send(id, () -> commands.sendAndWait(command));
    if (answer.refused()) {
      // the refusal is already stored: the command committed before this answer
      throw new NotPermitted(
          "Plan '"
              + plan.name()
              + "' may be activated only by: "
              + String.join(", ", plan.mandate())
              + ". The attempt is recorded.");
    }
    return Response.accepted(
            new ActivationAnswerBody(
                incidentId,
                plan.planId(),
                plan.version(),
                card == null ? null : card.scenarioCardId(),
                mandate,
                IncidentStatus.PLAN_ACTIVATED,
                answer.taskIds()))
        .location(uri.getBaseUriBuilder().path(incidentId).path("tasks").build())
        .build();
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
  }
}
