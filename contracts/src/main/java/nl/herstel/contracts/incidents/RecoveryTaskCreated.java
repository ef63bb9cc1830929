package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A recovery task was created: from step {@code stepNo} of an activated plan's scenario card, or ad
 * hoc ({@code stepNo}, {@code planId} and {@code scenarioCardId} null).
 *
 * @param incidentId the incident's id; the subject
 * @param taskId the task's id
 * @param stepNo the card's step it came from, from 1; nullable
 * @param title what must be done
 * @param assigneeRole the role the step names; nullable
 * @param planId the plan the card belongs to; nullable
 * @param scenarioCardId the card; nullable
 * @param occurredAt when it was created
 */
public record RecoveryTaskCreated(
    String incidentId,
    String taskId,
    Integer stepNo,
    String title,
    String assigneeRole,
    String planId,
    String scenarioCardId,
    Instant occurredAt)
    implements IntegrationEvent {

  public RecoveryTaskCreated {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
