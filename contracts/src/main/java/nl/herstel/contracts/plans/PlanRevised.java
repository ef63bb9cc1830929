package nl.herstel.contracts.plans;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A recovery plan got a new version that is not (yet) in force: its content changed, or it moved
 * through its review (DRAFT, IN_REVIEW, APPROVED). The published version stays in force until a
 * {@link PlanPublished} supersedes it.
 *
 * @param planId the plan; the subject
 * @param name the plan's name
 * @param version the new version
 * @param status DRAFT, IN_REVIEW or APPROVED
 * @param reason why; nullable
 * @param occurredAt when
 */
public record PlanRevised(
    String planId, String name, int version, String status, String reason, Instant occurredAt)
    implements IntegrationEvent {

  public PlanRevised {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return planId;
  }
}
