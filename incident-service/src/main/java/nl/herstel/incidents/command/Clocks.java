package nl.herstel.incidents.command;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.NotificationAuthority;
import nl.herstel.incidents.api.RecoveryDeadlineKind;

/**
 * The clock state of one {@link Incident}: each disrupted process's RTO and MTPD deadline and
 * whether its breach was recorded, and the notification obligations. Kept apart so the incident's
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
}
