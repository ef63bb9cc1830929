package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A disrupted process was not restored by its RTO deadline (recovery took longer than allowed) or
 * its MTPD deadline (the outage became critical); DOMAIN.md. Published once per process and kind.
 *
 * @param incidentId the incident's id; the subject
 * @param processId the process whose deadline passed
 * @param kind {@code RTO} or {@code MTPD}
 * @param deadline when the deadline passed
 * @param detectedAt when incident-service noticed; later than {@code deadline} when it was down
 * @param occurredAt when the breach was recorded
 */
public record RecoveryDeadlineBreached(
    String incidentId,
    String processId,
    String kind,
    Instant deadline,
    Instant detectedAt,
    Instant occurredAt)
    implements IntegrationEvent {

  public RecoveryDeadlineBreached {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
