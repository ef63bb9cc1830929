package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A notification was submitted to its authority, on time or late.
 *
 * @param incidentId the incident's id; the subject
 * @param obligationId the obligation it fulfils
 * @param authority the authority notified
 * @param submittedAt when it was submitted
 * @param late whether it was submitted after its due time
 * @param occurredAt when the submission was recorded
 */
public record NotificationSubmitted(
    String incidentId,
    String obligationId,
    String authority,
    Instant submittedAt,
    boolean late,
    Instant occurredAt)
    implements IntegrationEvent {

  public NotificationSubmitted {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(obligationId, "obligationId");
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
