package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * An incident moved from one state to another (REPORTED, TRIAGED, PLAN_ACTIVATED, RECOVERING,
 * RECOVERED, DISMISSED), and why. Closing is {@link IncidentClosed}, merging {@link
 * IncidentMerged}. A DISMISSED incident was a false positive; a dismissal may be taken back
 * (DISMISSED to TRIAGED).
 *
 * @param incidentId the incident's id; the subject
 * @param from the state before
 * @param to the state after
 * @param reason why; nullable
 * @param transitionedBy who moved it
 * @param occurredAt when it moved
 */
public record IncidentTransitioned(
    String incidentId,
    String from,
    String to,
    String reason,
    String transitionedBy,
    Instant occurredAt)
    implements IntegrationEvent {

  public IncidentTransitioned {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(transitionedBy, "transitionedBy");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
