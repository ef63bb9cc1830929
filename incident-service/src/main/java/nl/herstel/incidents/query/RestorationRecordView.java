package nl.herstel.incidents.query;

import java.time.Duration;
import java.time.Instant;

/**
 * A restoration recorded during recovery: actual recovery time ({@code restoredAt - disruptedAt})
 * against the RTO and actual data loss ({@code disruptedAt - dataRestoredTo}) against the RPO
 * (DOMAIN.md). {@code rpo} and {@code rpoMet} are null when the incident does not know the RPO.
 */
public record RestorationRecordView(
    String processId,
    Instant disruptedAt,
    Instant restoredAt,
    Instant dataRestoredTo,
    Duration recoveryTime,
    Duration dataLoss,
    Duration rto,
    Duration rpo,
    Boolean rtoMet,
    Boolean rpoMet,
    String by,
    String role,
    Instant recordedAt) {}
