package nl.herstel.lessons.query;

import java.time.Duration;
import java.time.Instant;

/** A proposal to revise a process's RTO after an incident breached it. */
public record RevisionProposalView(
    String id,
    String incidentId,
    String processId,
    String processName,
    Duration currentRto,
    Duration actualRecoveryTime,
    Duration proposedRto,
    String rationale,
    Instant proposedAt) {}
