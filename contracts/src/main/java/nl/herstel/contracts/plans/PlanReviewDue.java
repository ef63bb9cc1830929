package nl.herstel.contracts.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A recovery plan needs a review: the BIA changed something it relies on (a covered process's
 * targets, dependencies or retirement, a linked threat or supplier). It stays flagged until a new
 * version is published.
 *
 * @param planId the plan; the subject
 * @param name the plan's name
 * @param version the plan's version when it was flagged
 * @param cause what changed, e.g. {@code process:<id>}, {@code threat:<id>}
 * @param reason what changed, in words
 * @param reviewDue the plan's review date; nullable
 * @param occurredAt when
 */
public record PlanReviewDue(
    String planId,
    String name,
    int version,
    String cause,
    String reason,
    LocalDate reviewDue,
    Instant occurredAt)
    implements IntegrationEvent {

  public PlanReviewDue {
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return planId;
  }
}
