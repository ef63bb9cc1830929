package nl.herstel.bia.query;

import java.time.Duration;
import java.time.Instant;

/**
 * One setting of a process's recovery targets: what, why, by whom (principal and role), when, and
 * from where (REGISTRATION, MANUAL or REVISION with its revisionId).
 */
public record TargetChangeView(
    String processId,
    long version,
    Duration mtpd,
    Duration rto,
    Duration rpo,
    String source,
    String revisionId,
    String reason,
    String setBy,
    String setByRole,
    Instant setAt) {}
