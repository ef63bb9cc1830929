package nl.herstel.bia.api;

import java.time.Duration;

/**
 * What one incident showed for a process, on which a target revision from lessons rests.
 *
 * @param measure {@code RECOVERY_TIME} or {@code DATA_LOSS}
 * @param target the target the figure was held against; nullable
 */
public record RevisionEvidence(
    String incidentId, String measure, Duration measured, Duration target) {}
