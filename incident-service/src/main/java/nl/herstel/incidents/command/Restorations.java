package nl.herstel.incidents.command;

import static nl.herstel.incidents.command.Times.EARLIEST;
import static nl.herstel.incidents.command.Times.notBefore;
import static nl.herstel.incidents.command.Times.notInTheFuture;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.herstel.incidents.api.IncidentCommands.RecordRestoration;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.ProcessRestored;
import nl.herstel.incidents.api.IncidentEvents.Restoration;
import nl.herstel.platform.domain.RuleViolation;

/**
 * The restorations of an {@link Incident}'s disrupted processes: the RTO and RPO each process had
 * when the incident copied it (RPO may be null), when each was last restored, and the rules a
 * restoration keeps. The clocks ask it whether a process was restored in time; a closure without
 * restorations of its own reports the recorded ones.
 */
final class Restorations {
  private final Map<String, Duration> rtos = new HashMap<>();
  private final Map<String, Duration> rpos = new HashMap<>();
  private final Map<String, Instant> restoredAt = new HashMap<>();
  private final Map<String, Instant> dataRestoredTo = new HashMap<>();

  void rememberTargets(AffectedProcess process) {
    rtos.put(process.processId(), process.rto());
    rpos.put(process.processId(), process.rpo());
  }

  /**
   * A restoration of an affected process, with the actual recovery time and data loss against the
   * process's RTO and RPO, not before the disruption and not in the future.
   */
  ProcessRestored restore(String incidentId, Instant disruptedAt, RecordRestoration command) {
    notBefore("restoredAt", command.restoredAt(), disruptedAt, "the disruption began");
    notInTheFuture("restoredAt", command.restoredAt(), command.requestedAt());
    if (command.dataRestoredTo().isAfter(command.restoredAt())) {
      throw new RuleViolation(
          "dataRestoredTo",
          "dataRestoredTo must not lie after restoredAt (" + command.restoredAt() + ")");
    }
    notBefore("dataRestoredTo", command.dataRestoredTo(), EARLIEST, "the earliest accepted time");
    Duration recoveryTime = Duration.between(disruptedAt, command.restoredAt());
    Duration dataLoss = Duration.between(command.dataRestoredTo(), disruptedAt);
    if (dataLoss.isNegative()) {
      dataLoss = Duration.ZERO;
    }
    Duration rto = rtos.get(command.processId());
    Duration rpo = rpos.get(command.processId());
    return new ProcessRestored(
        incidentId,
        command.processId(),
        disruptedAt,
        command.restoredAt(),
        command.dataRestoredTo(),
        recoveryTime,
        dataLoss,
        rto,
        rpo,
        rto == null ? null : recoveryTime.compareTo(rto) <= 0,
        rpo == null ? null : dataLoss.compareTo(rpo) <= 0);
  }

  /**
   * The restorations recorded during the recovery, the latest per process, earliest first, with the
   * point the data was restored to and the RPO that applied.
   */
  List<Restoration> recorded() {
    return restoredAt.entrySet().stream()
        .map(r -> completed(new Restoration(r.getKey(), r.getValue())))
        .sorted(Comparator.comparing(Restoration::restoredAt))
        .toList();
  }

  /**
   * A restoration given at closure, completed with what the recovery recorded for its process: the
   * point the data was restored to (when the closure names none) and the RPO that applied.
   */
  Restoration completed(Restoration restoration) {
    String processId = restoration.processId();
    return new Restoration(
        processId,
        restoration.restoredAt(),
        restoration.dataRestoredTo() != null
            ? restoration.dataRestoredTo()
            : dataRestoredTo.get(processId),
        rpos.get(processId));
  }

  /** Whether the process was restored, by its latest restoration, before its deadline passed. */
  boolean restoredInTime(String processId, Instant deadline) {
    Instant restored = restoredAt.get(processId);
    return restored != null && !restored.isAfter(deadline);
  }

  void on(ProcessRestored event) {
    restoredAt.put(event.processId(), event.restoredAt());
    dataRestoredTo.put(event.processId(), event.dataRestoredTo());
  }
}
