package nl.herstel.lessons.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.lessons.Evidence;
import nl.herstel.contracts.lessons.RevisionKind;

/**
 * A proposal lessons made to revise a process's RTO, MTPD or RPO, with its evidence and its fate in
 * the BIA. {@code currentRto}, {@code actualRecoveryTime} and {@code proposedRto} are filled for
 * RTO breaches only (the proposals lessons made first); {@code currentTarget} and {@code
 * proposedTarget} hold the figure of every kind. {@code decidedBy}, {@code decidedAt} and {@code
 * decisionReason} are null while the proposal awaits a decision.
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
    RevisionKind kind,
    Duration currentTarget,
    Duration proposedTarget,
    List<Evidence> evidence,
    String status,
    String decidedBy,
    Instant decidedAt,
    String decisionReason) {}
