package nl.herstel.bia.api;

import java.time.Duration;
import java.time.Instant;

/**
 * What one incident showed, on which a revision from lessons rests: for a process's target a
 * measurement, for a threat's likelihood the incident's occurrence.
 *
 * @param measure {@code RECOVERY_TIME}, {@code DATA_LOSS} or {@code OCCURRENCE} (an incident of the
 *     threat's category)
 * @param measured the figure; null for an occurrence
 * @param target the target the figure was held against; nullable
 * @param disruptedAt for an occurrence, when the incident's disruption began; null otherwise and in
 *     events stored before it was added
 */
public record RevisionEvidence(
    String incidentId, String measure, Duration measured, Duration target, Instant disruptedAt) {

  public RevisionEvidence(String incidentId, String measure, Duration measured, Duration target) {
    this(incidentId, measure, measured, target, null);
  }
}
