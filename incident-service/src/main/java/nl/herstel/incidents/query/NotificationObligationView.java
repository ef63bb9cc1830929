package nl.herstel.incidents.query;

import java.time.Duration;
import java.time.Instant;
import nl.herstel.incidents.api.NotificationAuthority;

/**
 * A duty to notify an authority and how far it got.
 *
 * @param status OPEN (not submitted, not yet due), OVERDUE (not submitted, due time passed),
 *     SUBMITTED (by its due time, or no due time), SUBMITTED_LATE (after its due time)
 * @param remaining from now to {@code dueAt}, negative once passed; null when submitted or without
 *     a due time
 * @param overdueAt when the clock recorded NotificationOverdue, if it did
 */
public record NotificationObligationView(
    String obligationId,
    NotificationAuthority authority,
    String legalBasis,
    Instant discoveredAt,
    Instant dueAt,
    String status,
    Duration remaining,
    Long remainingSeconds,
    String registeredBy,
    Instant registeredAt,
    Instant submittedAt,
    String reference,
    String submittedBy,
    Instant overdueAt) {}
