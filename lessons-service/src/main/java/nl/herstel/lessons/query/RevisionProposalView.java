package nl.herstel.lessons.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.lessons.Evidence;
import nl.herstel.contracts.lessons.ThreatLikelihoodProposed.Occurrence;
import nl.herstel.lessons.api.ProposalKind;

/**
 * A proposal lessons made to revise a process's RTO, MTPD or RPO, or a threat's likelihood, with
 * its evidence and its fate in the BIA. {@code currentRto}, {@code actualRecoveryTime} and {@code
 * proposedRto} are filled for RTO breaches only (the proposals lessons made first); {@code
 * currentTarget} and {@code proposedTarget} hold the figure of every kind. {@code decidedBy},
 * {@code decidedAt} and {@code decisionReason} are null while the proposal awaits a decision. A
 * THREAT_LIKELIHOOD proposal names no process: {@code threatId}, {@code threatName}, {@code
 * category}, {@code currentLikelihood}, {@code proposedLikelihood} and {@code incidents} (the
 * incidents of the category counted in the year, its evidence) are filled for it, and null for the
 * other kinds.
 *
 * @param status PROPOSED, ACCEPTED or REJECTED
 */
public record RevisionProposalView(
    String id,
    String incidentId,
    String processId,
    String processName,
    Duration currentRto,
    Duration actualRecoveryTime,
    Duration proposedRto,
    String rationale,
    Instant proposedAt,
    ProposalKind kind,
    Duration currentTarget,
    Duration proposedTarget,
    List<Evidence> evidence,
    String status,
    String decidedBy,
    Instant decidedAt,
    String decisionReason,
    String threatId,
    String threatName,
    String category,
    Integer currentLikelihood,
    Integer proposedLikelihood,
    List<Occurrence> incidents) {}
