package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.Objects;

/**
 * A business process was restored to an acceptable level during an incident; the time from the
 * disruption to {@code restoredAt} is the actual recovery time held against the RTO; see DOMAIN.md.
 * A value inside {@link IncidentClosed}, not an event.
 *
 * @param processId the restored process
 * @param restoredAt when it was restored
 */
public record Restoration(String processId, Instant restoredAt) {

  public Restoration {
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(restoredAt, "restoredAt");
  }
}
