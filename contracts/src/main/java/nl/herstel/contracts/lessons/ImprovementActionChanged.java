package nl.herstel.contracts.lessons;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * An improvement action changed: its details, its status, or both. The event carries the action's
 * whole current state, so a consumer keeps the last one it saw.
 *
 * @param actionId the action; the subject
 * @param title what is to be improved
 * @param status OPEN, IN_PROGRESS, DONE or WONT_DO
 * @param statusReason why it will not be done (WONT_DO); otherwise nullable
 * @param owner who carries it out
 * @param due the day it should be done by
 * @param priority LOW, MEDIUM, HIGH or CRITICAL
 * @param target what it improves
 * @param incidentId the incident the lesson came from; nullable
 * @param evaluationId the evaluation that agreed on it; nullable
 * @param occurredAt when it happened
 */
public record ImprovementActionChanged(
    String actionId,
    String title,
    String status,
    String statusReason,
    String owner,
    LocalDate due,
    String priority,
    ImprovementTarget target,
    String incidentId,
    String evaluationId,
    Instant occurredAt)
    implements IntegrationEvent {

  public ImprovementActionChanged {
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return actionId;
  }
}
