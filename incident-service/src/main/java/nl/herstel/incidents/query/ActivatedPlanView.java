package nl.herstel.incidents.query;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.plans.PlanPublished;

/**
 * The recovery plan activated on an incident, as the recovery team needs it at hand: whom to call
 * and how when the network is down (the call tree), the teams, who may decide what (mandates), when
 * the recovery ends, and the scenario cards with their steps (DOMAIN.md, step 2).
 *
 * @param activatedVersion the plan version that was activated
 * @param currentVersion the latest version incident-service knows; may be newer than the activated
 *     one, or null when the copy is gone
 * @param activatedCard the card whose steps became the incident's tasks, or null
 */
public record ActivatedPlanView(
    String incidentId,
    String planId,
    String name,
    int activatedVersion,
    Integer currentVersion,
    String mandate,
    Instant activatedAt,
    PlanCopyView.Card activatedCard,
    List<PlanPublished.CallTreeEntry> callTree,
    List<PlanPublished.Team> teams,
    List<PlanPublished.Mandate> mandates,
    List<String> activationCriteria,
    List<String> terminationCriteria,
    List<PlanCopyView.Card> cards) {

  /** The incident's latest activation as recorded. */
  public record Activation(
      String planId, int planVersion, String scenarioCardId, String mandate, Instant at) {}

  static ActivatedPlanView of(String incidentId, Activation activation, PlanCopyView plan) {
    PlanCopyView.Details details = plan == null ? PlanCopyView.Details.NONE : plan.details();
    return new ActivatedPlanView(
        incidentId,
        activation.planId(),
        plan == null ? null : plan.name(),
        activation.planVersion(),
        plan == null ? null : plan.version(),
        activation.mandate(),
        activation.at(),
        plan == null || activation.scenarioCardId() == null
            ? null
            : plan.card(activation.scenarioCardId()),
        details.callTree(),
        details.teams(),
        details.mandates(),
        details.activationCriteria(),
        details.terminationCriteria(),
        plan == null ? List.of() : plan.cards());
  }
}
