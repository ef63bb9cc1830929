package nl.herstel.incidents.command;

import static nl.herstel.incidents.command.Times.CLOCK_TOLERANCE;
import static nl.herstel.incidents.command.Times.EARLIEST;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.herstel.incidents.api.IncidentCommands.RecordNotificationSubmission;
import nl.herstel.incidents.api.IncidentCommands.RegisterNotificationObligation;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.NotificationObligationRegistered;
import nl.herstel.incidents.api.IncidentEvents.NotificationSubmitted;
import nl.herstel.incidents.api.NotificationAuthority;
import nl.herstel.incidents.api.RecoveryDeadlineKind;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;

/**
 * The clock state of one {@link Incident}: each disrupted process's RTO and MTPD deadline and
 * whether its breach was recorded, and the notification obligations with the rules a registration
 * and a submission keep (they answer the event the incident applies). Kept apart so the incident's
 * other state reads on its own.
 */
final class Clocks {
  private final Map<String, Instant> deadlines = new HashMap<>();
  private final Set<String> breached = new HashSet<>();
  final Map<String, Obligation> obligations = new HashMap<>();

  /** Whether the incident was closed while dismissed: a false positive, whose clocks stop. */
  boolean closedAsFalsePositive;

  /** A duty to notify an authority, and how far it got. */
  record Obligation(
      NotificationAuthority authority,
      Instant discoveredAt,
      Instant dueAt,
      Instant submittedAt,
      boolean overdue) {
    Obligation submitted(Instant at) {
      return new Obligation(authority, discoveredAt, dueAt, at, overdue);
    }

    Obligation markOverdue() {
      return new Obligation(authority, discoveredAt, dueAt, submittedAt, true);
    }
  }

  void track(List<AffectedProcess> processes) {
    for (AffectedProcess p : processes) {
      deadlines.put(key(p.processId(), RecoveryDeadlineKind.RTO), p.rtoDeadline());
      deadlines.put(key(p.processId(), RecoveryDeadlineKind.MTPD), p.mtpdDeadline());
    }
  }

  /** The deadline, or null when the process is not one this incident disrupts. */
  Instant deadline(String processId, RecoveryDeadlineKind kind) {
    return deadlines.get(key(processId, kind));
  }

  boolean breached(String processId, RecoveryDeadlineKind kind) {
    return breached.contains(key(processId, kind));
  }

  void breach(String processId, RecoveryDeadlineKind kind) {
    breached.add(key(processId, kind));
  }

  private static String key(String processId, RecoveryDeadlineKind kind) {
    return kind + "\u0000" + processId;
  }

  /**
   * A duty to notify an authority: one obligation per authority and incident; the due time may not
   * lie before the discovery it counts from.
   */
  NotificationObligationRegistered register(
      String incidentId, RegisterNotificationObligation command) {
    if (obligations.containsKey(command.obligationId())) {
      throw new Conflict("Notification obligation " + command.obligationId() + " exists already");
    }
    if (obligations.values().stream().anyMatch(o -> o.authority() == command.authority())) {
      throw new Conflict(
          "Incident " + incidentId + " has an obligation to notify " + command.authority());
    }
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

  /** A notification's submission, once, not before the discovery and not in the future. */
  NotificationSubmitted submission(String incidentId, RecordNotificationSubmission command) {
    Obligation obligation = obligations.get(command.obligationId());
    if (obligation == null) {
      throw new NotFound("obligationId", "Notification obligation", command.obligationId());
    }
    if (obligation.submittedAt() != null) {
      throw new Conflict(
          "Notification obligation "
              + command.obligationId()
              + " was submitted already, at "
              + obligation.submittedAt());
    }
    if (command.submittedAt().isBefore(obligation.discoveredAt())) {
      throw new RuleViolation(
          "submittedAt",
          "submittedAt must not be before discoveredAt (" + obligation.discoveredAt() + ")");
    }
    if (command.submittedAt().isAfter(command.requestedAt().plus(CLOCK_TOLERANCE))) {
      throw new RuleViolation("submittedAt", "submittedAt lies in the future");
    }
    return new NotificationSubmitted(
        incidentId,
        command.obligationId(),
        obligation.authority(),
        command.submittedAt(),
        command.reference(),
        obligation.dueAt() != null && command.submittedAt().isAfter(obligation.dueAt()));
  }
}
