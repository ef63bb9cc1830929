package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * An open incident took in more assets and disrupted processes after it was opened: a new alert
 * joined it ({@code ALERT_CORRELATED}), a name no asset matched names a BIA asset now ({@code
 * ASSET_RESOLVED}), or it absorbed an incident merged into it ({@code INCIDENT_ABSORBED}, naming
 * it). The new processes' deadlines run from the incident's disruption.
 *
 * @param incidentId the incident's id; the subject
 * @param cause why it grew
 * @param absorbedIncidentId the incident merged into this one; null unless {@code
 *     INCIDENT_ABSORBED}
 * @param assetIds the assets new to it
 * @param affectedProcesses the processes new to it, with their deadlines
 * @param occurredAt when it grew
 */
public record IncidentExtended(
    String incidentId,
    String cause,
    String absorbedIncidentId,
    List<String> assetIds,
    List<AffectedProcess> affectedProcesses,
    Instant occurredAt)
    implements IntegrationEvent {

  public IncidentExtended {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(cause, "cause");
    assetIds = List.copyOf(Objects.requireNonNull(assetIds, "assetIds"));
    affectedProcesses = List.copyOf(Objects.requireNonNull(affectedProcesses, "affectedProcesses"));
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
