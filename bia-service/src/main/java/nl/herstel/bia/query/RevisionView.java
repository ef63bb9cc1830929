package nl.herstel.bia.query;

import java.time.Duration;
import java.time.Instant;

/** A proposed change of a process's recovery targets and where it stands. */
public record RevisionView(
    String id,
    String processId,
    String incidentId,
    Duration currentRto,
    Duration actualRecoveryTime,
    Duration proposedRto,
    String rationale,
    String proposedBy,
    String status,
    Instant proposedAt,
    Duration proposedMtpd,
    String decidedBy,
    Instant decidedAt,
    String decisionReason) {}
