package nl.herstel.contracts.incidents;

import java.util.Objects;

/**
 * A recovery plan activated during an incident, with the scenario card whose steps became the
 * recovery tasks; see DOMAIN.md, "Recovery plan". A value inside {@link IncidentClosed}, not an
 * event.
 *
 * @param planId the plan
 * @param planVersion the plan's version that was activated
 * @param scenarioCardId the scenario card followed; nullable when the plan was activated without
 *     one
 */
public record ActivatedPlan(String planId, int planVersion, String scenarioCardId) {

  public ActivatedPlan {
    Objects.requireNonNull(planId, "planId");
  }
}
