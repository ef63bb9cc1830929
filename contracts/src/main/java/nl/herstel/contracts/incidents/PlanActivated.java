package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A recovery plan was activated for an incident under a mandate the plan grants (DOMAIN.md,
 * "activation"); the time from the disruption to here is the time to activate the plan.
 *
 * @param incidentId the incident's id; the subject
 * @param planId the activated plan
 * @param planVersion the version of the plan that was activated
 * @param planName the plan's name
 * @param scenarioCardId the scenario card whose steps became recovery tasks; nullable
 * @param scenarioTitle that card's title; nullable
 * @param mandate the role under which the plan was activated
 * @param reason why; nullable
 * @param activatedBy who activated it
 * @param occurredAt when it was activated
 */
public record PlanActivated(
    String incidentId,
    String planId,
    int planVersion,
    String planName,
    String scenarioCardId,
    String scenarioTitle,
    String mandate,
    String reason,
    String activatedBy,
    Instant occurredAt)
    implements IntegrationEvent {

  public PlanActivated {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(planName, "planName");
    Objects.requireNonNull(mandate, "mandate");
    Objects.requireNonNull(activatedBy, "activatedBy");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
