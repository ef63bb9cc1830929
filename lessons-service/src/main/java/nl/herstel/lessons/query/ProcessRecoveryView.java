package nl.herstel.lessons.query;

import java.time.Duration;
import java.time.Instant;
import nl.herstel.lessons.api.Verdict;

/**
 * How long recovering one process took in an incident, against the targets that applied; {@code
 * rto}, {@code mtpd} and {@code verdict} are null when lessons did not know the process's targets.
 */
public record ProcessRecoveryView(
    String processId,
    String name,
    Instant restoredAt,
    Duration rto,
    Duration mtpd,
    Duration actualRecoveryTime,
    Verdict verdict) {}
