package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A cyber incident was closed: the recovery operation ended, with when each disrupted process was
 * restored. Lessons learned compute the actual recovery times from it and hold them against the
 * RTOs; see DOMAIN.md, "Improve".
 *
 * @param incidentId the incident's id; the subject
 * @param disruptedAt when the disruption began
 * @param restorations when each disrupted process was restored
 * @param summary what happened and how it was resolved; nullable
 * @param occurredAt when the incident was closed
 */
public record IncidentClosed(
    String incidentId,
    Instant disruptedAt,
    List<Restoration> restorations,
    String summary,
    Instant occurredAt)
    implements IntegrationEvent {

  public IncidentClosed {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(disruptedAt, "disruptedAt");
    restorations = List.copyOf(Objects.requireNonNull(restorations, "restorations"));
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
