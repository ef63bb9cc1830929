package nl.herstel.contracts.lessons;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One measurement a revision proposal rests on: what an incident showed for the process. A value
 * inside {@link BiaRevisionProposed}, not an event.
 *
 * @param incidentId the incident measured
 * @param measure what was measured: {@code RECOVERY_TIME} (disruption to restoration) or {@code
 *     DATA_LOSS} (data restored to, back to the disruption)
 * @param measured the figure, in whole seconds
 * @param target the target it was held against; nullable when none was known
 */
public record Evidence(String incidentId, String measure, Duration measured, Duration target) {

  public Evidence {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(measure, "measure");
    measured = Objects.requireNonNull(measured, "measured").truncatedTo(ChronoUnit.SECONDS);
    target = target == null ? null : target.truncatedTo(ChronoUnit.SECONDS);
  }
}
