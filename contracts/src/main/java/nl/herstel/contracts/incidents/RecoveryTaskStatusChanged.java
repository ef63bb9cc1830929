package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A recovery task changed status: {@code TODO}, {@code IN_PROGRESS} (started), {@code BLOCKED},
 * {@code DONE}; a done task may be reopened.
 *
 * @param incidentId the incident's id; the subject
 * @param taskId the task
 * @param from the status before
 * @param to the status after
 * @param changedBy who changed it
 * @param occurredAt when it changed
 */
public record RecoveryTaskStatusChanged(
    String incidentId, String taskId, String from, String to, String changedBy, Instant occurredAt)
    implements IntegrationEvent {

  public RecoveryTaskStatusChanged {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(changedBy, "changedBy");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
