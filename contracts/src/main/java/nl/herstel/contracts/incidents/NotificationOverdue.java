package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A notification's due time passed while it was not submitted; published once per obligation.
 *
 * @param incidentId the incident's id; the subject
 * @param obligationId the overdue obligation
 * @param authority the authority to notify
 * @param dueAt when it was due
 * @param detectedAt when incident-service noticed
 * @param occurredAt when the overdue was recorded
 */
public record NotificationOverdue(
    String incidentId,
    String obligationId,
    String authority,
    Instant dueAt,
    Instant detectedAt,
    Instant occurredAt)
    implements IntegrationEvent {

  public NotificationOverdue {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(obligationId, "obligationId");
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
