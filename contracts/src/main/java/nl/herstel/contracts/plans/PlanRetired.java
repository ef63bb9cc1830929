package nl.herstel.contracts.plans;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A recovery plan was retired: it no longer covers anything and may no longer be activated.
 *
 * @param planId the plan; the subject
 * @param version the version that retired it
 * @param reason why; nullable
 * @param occurredAt when
 */
public record PlanRetired(String planId, int version, String reason, Instant occurredAt)
    implements IntegrationEvent {

  public PlanRetired {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return planId;
  }
}
