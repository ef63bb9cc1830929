package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * This incident was merged into another: its alerts, assets and disrupted processes live on there
 * (which publishes {@link IncidentExtended} with cause {@code INCIDENT_ABSORBED}), it takes nothing
 * more, and it must not be counted on its own. Final.
 *
 * @param incidentId the merged incident's id; the subject
 * @param intoIncidentId the incident it was merged into
 * @param from the state it had
 * @param reason why; nullable
 * @param mergedBy who merged it
 * @param occurredAt when it was merged
 */
public record IncidentMerged(
    String incidentId,
    String intoIncidentId,
    String from,
    String reason,
    String mergedBy,
    Instant occurredAt)
    implements IntegrationEvent {

  public IncidentMerged {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(intoIncidentId, "intoIncidentId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(mergedBy, "mergedBy");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
