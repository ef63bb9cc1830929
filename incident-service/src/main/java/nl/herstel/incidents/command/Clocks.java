package nl.herstel.incidents.command;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.herstel.incidents.api.IncidentCommands.RecordNotificationSubmission;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.NotificationSubmitted;
import nl.herstel.incidents.api.NotificationCommands.AdmitNotificationObligation;
import nl.herstel.incidents.api.RecoveryDeadlineKind;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;

/**
 * The clock state of one {@link Incident}: each disrupted process's RTO and MTPD deadline and
 * whether its breach was recorded, and the notification obligations registered in the incident's
 * stream before obligations became aggregates of their own ({@link NotificationObligation}); their
 * submission and overdue clock continue here. Kept apart so the incident's other state reads on its
 * own.
 */
final class Clocks {
  private final Map<String, Instant> deadlines = new HashMap<>();
  private final Set<String> breached = new HashSet<>();
  final Map<String, Obligation> obligations = new HashMap<>();

  /** Whether the incident was closed while dismissed: a false positive, whose clocks stop. */
  boolean closedAsFalsePositive;

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
   * Refuses a new obligation (which opens a stream of its own) when this incident holds one,
   * registered in its stream before obligations had streams of their own, with the same id or for
   * the same authority: one obligation per authority and incident.
   */
  void admit(String incidentId, AdmitNotificationObligation command) {
    if (obligations.containsKey(command.obligationId())) {
      throw new Conflict("Notification obligation " + command.obligationId() + " exists already");
    }
    if (obligations.values().stream().anyMatch(o -> o.authority() == command.authority())) {
      throw new Conflict(
          "Incident " + incidentId + " has an obligation to notify " + command.authority());
    }
  }

  /**
   * The submission of an obligation registered in this incident's stream; see {@link Obligation}.
   */
  NotificationSubmitted submission(String incidentId, RecordNotificationSubmission command) {
    Obligation obligation = obligations.get(command.obligationId());
    if (obligation == null) {
      throw new NotFound("obligationId", "Notification obligation", command.obligationId());
    }
    return obligation.submission(incidentId, command);
  }
}
