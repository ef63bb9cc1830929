package nl.herstel.incidents.command;

import static nl.herstel.incidents.command.Times.CLOCK_TOLERANCE;
import static nl.herstel.incidents.command.Times.EARLIEST;

import java.time.Instant;
import nl.herstel.incidents.api.DeadlineOutcome;
import nl.herstel.incidents.api.IncidentCommands.RecordNotificationSubmission;
import nl.herstel.incidents.api.IncidentCommands.RegisterNotificationObligation;
import nl.herstel.incidents.api.IncidentEvents.NotificationObligationRegistered;
import nl.herstel.incidents.api.IncidentEvents.NotificationOverdue;
import nl.herstel.incidents.api.IncidentEvents.NotificationSubmitted;
import nl.herstel.incidents.api.NotificationAuthority;
import nl.herstel.incidents.api.NotificationClock;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;

/**
 * A duty to notify an authority (DOMAIN.md, "Report the incident"), how far it got, and the rules a
 * registration, a submission and the overdue clock keep. It answers the event to apply; its owner
 * (a {@link NotificationObligation}, or for an obligation registered before obligations had streams
 * of their own the {@link Clocks} of its incident) applies it.
 */
record Obligation(
    NotificationAuthority authority,
    Instant discoveredAt,
    Instant dueAt,
    Instant submittedAt,
    boolean overdue) {

  static Obligation of(NotificationObligationRegistered event) {
    return new Obligation(event.authority(), event.discoveredAt(), event.dueAt(), null, false);
  }

  Obligation submitted(Instant at) {
    return new Obligation(authority, discoveredAt, dueAt, at, overdue);
  }

  Obligation markOverdue() {
    return new Obligation(authority, discoveredAt, dueAt, submittedAt, true);
  }

  /** A duty to notify: the due time may not lie before the discovery it counts from. */
  static NotificationObligationRegistered register(
      String incidentId, RegisterNotificationObligation command) {
    Instant discoveredAt = command.discoveredAt();
    if (discoveredAt.isBefore(EARLIEST)) {
      throw new RuleViolation("discoveredAt", "discoveredAt must not be before " + EARLIEST);
    }
    if (discoveredAt.isAfter(command.requestedAt().plus(CLOCK_TOLERANCE))) {
      throw new RuleViolation("discoveredAt", "discoveredAt lies in the future");
    }
    if (command.dueAt() != null && command.dueAt().isBefore(discoveredAt)) {
      throw new RuleViolation(
          "dueAt", "dueAt must not be before discoveredAt (" + discoveredAt + ")");
    }
    return new NotificationObligationRegistered(
        incidentId,
        command.obligationId(),
        command.authority(),
        command.legalBasis(),
        discoveredAt,
        command.dueAt());
  }

  /** The notification's submission, once, not before the discovery and not in the future. */
  NotificationSubmitted submission(String incidentId, RecordNotificationSubmission command) {
    if (submittedAt != null) {
      throw new Conflict(
          "Notification obligation "
              + command.obligationId()
              + " was submitted already, at "
              + submittedAt);
    }
    if (command.submittedAt().isBefore(discoveredAt)) {
      throw new RuleViolation(
          "submittedAt", "submittedAt must not be before discoveredAt (" + discoveredAt + ")");
    }
    if (command.submittedAt().isAfter(command.requestedAt().plus(CLOCK_TOLERANCE))) {
      throw new RuleViolation("submittedAt", "submittedAt lies in the future");
    }
    return new NotificationSubmitted(
        incidentId,
        command.obligationId(),
        authority,
        command.submittedAt(),
        command.reference(),
        dueAt != null && command.submittedAt().isAfter(dueAt));
  }

  /**
   * What the deadline clock asking at {@code detectedAt} finds: RECORDED means the caller applies
   * {@link #overdue}. Once; the clock keeps running after closure (the duty does), not for a false
   * positive, and it is suspended while the incident is dismissed.
   */
  DeadlineOutcome overdueOutcome(NotificationClock clock, Instant detectedAt) {
    if (dueAt == null || submittedAt != null || clock == NotificationClock.STOPPED) {
      return DeadlineOutcome.NO_LONGER_APPLIES;
    }
    if (overdue) {
      return DeadlineOutcome.ALREADY_RECORDED;
    }
    if (clock == NotificationClock.SUSPENDED) {
      return DeadlineOutcome.SUSPENDED;
    }
    if (detectedAt.isBefore(dueAt)) {
      return DeadlineOutcome.NOT_DUE;
    }
    return DeadlineOutcome.RECORDED;
  }

  NotificationOverdue overdue(String incidentId, String obligationId, Instant detectedAt) {
    return new NotificationOverdue(incidentId, obligationId, authority, dueAt, detectedAt);
  }
}
