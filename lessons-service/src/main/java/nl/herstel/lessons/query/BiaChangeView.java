package nl.herstel.lessons.query;

import java.time.Duration;
import java.time.Instant;
import nl.herstel.contracts.lessons.RevisionKind;

/**
 * A lesson that changed the BIA, or was turned down: a proposal the process owner decided, with the
 * figure before and the one proposed (the figure after, when accepted).
 */
public record BiaChangeView(
    String proposalId,
    String incidentId,
    String processId,
    String processName,
    RevisionKind kind,
    Duration before,
    Duration after,
    boolean accepted,
    String decidedBy,
    Instant decidedAt,
    String reason) {}
