package nl.herstel.incidents.query;

import java.time.Duration;
import java.time.Instant;

/**
 * One clock of an incident: a disrupted process's RTO or MTPD deadline, or a notification's due
 * time.
 *
 * @param kind RTO, MTPD or NOTIFICATION
 * @param subject the process id (RTO, MTPD) or the obligation id (NOTIFICATION)
 * @param name the process's name, or the authority to notify
 * @param remaining from now to {@code dueAt}; negative once it passed
 * @param breached whether the breach (RecoveryDeadlineBreached) or overdue (NotificationOverdue)
 *     event is recorded
 * @param breachedAt when the clock recorded it
 * @param state PENDING (running), BREACHED, or SETTLED (no longer matters: the incident closed
 *     before it passed, the notification was submitted)
 */
public record DeadlineView(
    String kind,
    String subject,
    String name,
    Instant dueAt,
    Duration remaining,
    long remainingSeconds,
    boolean breached,
    Instant breachedAt,
    String state) {}
