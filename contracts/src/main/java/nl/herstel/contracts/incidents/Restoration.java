package nl.herstel.contracts.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A business process was restored to an acceptable level during an incident; the time from the
 * disruption to {@code restoredAt} is the actual recovery time held against the RTO, the time from
 * {@code dataRestoredTo} to the disruption the data lost, held against the RPO; see DOMAIN.md. A
 * value inside {@link IncidentClosed}, not an event.
 *
 * @param processId the restored process
 * @param restoredAt when it was restored
 * @param dataRestoredTo the point in time the process's data was restored to (the backup's time);
 *     nullable: unknown, or closed before incident-service published it
 * @param rpo the RPO that applied to the process during the incident; nullable when unknown
 */
public record Restoration(
    String processId, Instant restoredAt, Instant dataRestoredTo, Duration rpo) {

  public Restoration {
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(restoredAt, "restoredAt");
    rpo = rpo == null ? null : rpo.truncatedTo(ChronoUnit.SECONDS);
  }

  /** A restoration without data: when the data was restored to is not known. */
  public Restoration(String processId, Instant restoredAt) {
    this(processId, restoredAt, null, null);
  }
}
