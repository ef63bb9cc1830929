package nl.herstel.contracts.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A disrupted process was restored to an acceptable level, with its data restored to a point in
 * time (DOMAIN.md): the actual recovery time ({@code restoredAt - disruptedAt}) against the RTO and
 * the actual data loss ({@code disruptedAt - dataRestoredTo}, never negative) against the RPO. A
 * process restored again (a relapse) publishes again; the latest restoration counts.
 *
 * <p>Durations travel as ISO-8601 strings in whole seconds; a sub-second part is dropped.
 *
 * @param incidentId the incident's id; the subject
 * @param processId the restored process
 * @param disruptedAt when the disruption began
 * @param restoredAt when the process was restored
 * @param dataRestoredTo the point in time its data was restored to
 * @param recoveryTime {@code restoredAt - disruptedAt}
 * @param dataLoss {@code disruptedAt - dataRestoredTo}, zero when nothing was lost
 * @param rto the process's recovery time objective as the incident knew it; nullable
 * @param rpo the process's recovery point objective as the incident knew it; nullable
 * @param rtoMet whether the recovery time stayed within the RTO; null when the RTO is unknown
 * @param rpoMet whether the data loss stayed within the RPO; null when the RPO is unknown
 * @param occurredAt when the restoration was recorded
 */
public record ProcessRestored(
    String incidentId,
    String processId,
    Instant disruptedAt,
    Instant restoredAt,
    Instant dataRestoredTo,
    Duration recoveryTime,
    Duration dataLoss,
    Duration rto,
    Duration rpo,
    Boolean rtoMet,
    Boolean rpoMet,
    Instant occurredAt)
    implements IntegrationEvent {

  public ProcessRestored {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(disruptedAt, "disruptedAt");
    Objects.requireNonNull(restoredAt, "restoredAt");
    Objects.requireNonNull(dataRestoredTo, "dataRestoredTo");
    recoveryTime =
        Objects.requireNonNull(recoveryTime, "recoveryTime").truncatedTo(ChronoUnit.SECONDS);
    dataLoss = Objects.requireNonNull(dataLoss, "dataLoss").truncatedTo(ChronoUnit.SECONDS);
    rto = rto == null ? null : rto.truncatedTo(ChronoUnit.SECONDS);
    rpo = rpo == null ? null : rpo.truncatedTo(ChronoUnit.SECONDS);
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return incidentId;
  }
}
