package nl.herstel.lessons.query;

import java.time.Duration;
import java.time.Instant;
import nl.herstel.lessons.api.ProposalKind;

/**
 * A lesson that changed the BIA, or was turned down: a proposal the process owner decided, with the
 * figure before and the one proposed (the figure after, when accepted). For a THREAT_LIKELIHOOD
 * proposal the figures are {@code likelihoodBefore} and {@code likelihoodAfter} (1 to 5) and the
 * threat is named instead of a process.
 */
public record BiaChangeView(
    String proposalId,
    String incidentId,
    String processId,
    String processName,
    ProposalKind kind,
    Duration before,
    Duration after,
    boolean accepted,
    String decidedBy,
    Instant decidedAt,
    String reason,
    String threatId,
    String threatName,
    Integer likelihoodBefore,
    Integer likelihoodAfter) {}
