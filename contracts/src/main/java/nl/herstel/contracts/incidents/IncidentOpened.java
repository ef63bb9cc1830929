package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A cyber incident was opened: IT is disrupted so that critical processes can no longer be
 * delivered. It names the hit assets and the business processes they disrupt, with their RTO and
 * MTPD deadlines; see DOMAIN.md.
 *
 * @param incidentId the incident's id; the subject
 * @param title a short description of the incident
 * @param severity how badly the incident disrupts the organisation
 * @param disruptedAt when the disruption began; the RTO and MTPD clocks run from here
 * @param assetIds the assets hit
 * @param affectedProcesses the business processes disrupted, with their deadlines
 * @param occurredAt when the incident was opened: when its first alert came in
 * @param splitFromIncidentId the incident whose alerts split off into this new one; null for an
 *     incident opened by an alert. Added later: absent in older payloads.
 */
public record IncidentOpened(
    String incidentId,
    String title,
    Severity severity,
    Instant disruptedAt,
    List<String> assetIds,
    List<AffectedProcess> affectedProcesses,
    Instant occurredAt,
    String splitFromIncidentId)
    implements IntegrationEvent {

  public IncidentOpened {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(disruptedAt, "disruptedAt");
    assetIds = List.copyOf(Objects.requireNonNull(assetIds, "assetIds"));
    affectedProcesses = List.copyOf(Objects.requireNonNull(affectedProcesses, "affectedProcesses"));
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** An incident opened by an alert, not split off another. */
  public IncidentOpened(
      String incidentId,
      String title,
      Severity severity,
      Instant disruptedAt,
      List<String> assetIds,
      List<AffectedProcess> affectedProcesses,
      Instant occurredAt) {
    this(incidentId, title, severity, disruptedAt, assetIds, affectedProcesses, occurredAt, null);
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
