package nl.herstel.incidents.command;

import static nl.herstel.incidents.command.Times.CLOCK_TOLERANCE;
import static nl.herstel.incidents.command.Times.EARLIEST;
import static nl.herstel.incidents.command.Times.notBefore;
import static nl.herstel.incidents.command.Times.notInTheFuture;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.incidents.api.DeadlineOutcome;
import nl.herstel.incidents.api.EvidenceCommands.AdmitEvidence;
import nl.herstel.incidents.api.EvidenceCommands.TransferIncidentEvidence;
import nl.herstel.incidents.api.EvidenceCommands.VerifyIncidentEvidence;
import nl.herstel.incidents.api.IncidentCommands.CloseIncident;
import nl.herstel.incidents.api.IncidentCommands.CorrelateAlert;
import nl.herstel.incidents.api.IncidentCommands.Intake;
import nl.herstel.incidents.api.IncidentCommands.LogCommunication;
import nl.herstel.incidents.api.IncidentCommands.OpenIncident;
import nl.herstel.incidents.api.IncidentCommands.ProcessTargets;
import nl.herstel.incidents.api.IncidentCommands.RecordCost;
import nl.herstel.incidents.api.IncidentCommands.RecordDecision;
import nl.herstel.incidents.api.IncidentCommands.RecordNotificationOverdue;
import nl.herstel.incidents.api.IncidentCommands.RecordRecoveryDeadlineBreach;
import nl.herstel.incidents.api.IncidentCommands.RecordRestoration;
import nl.herstel.incidents.api.IncidentCommands.ResolveAssetHint;
import nl.herstel.incidents.api.IncidentCommands.TransitionIncident;
import nl.herstel.incidents.api.IncidentEvents.ActivatedPlan;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.AlertCorrelated;
import nl.herstel.incidents.api.IncidentEvents.CommunicationLogged;
import nl.herstel.incidents.api.IncidentEvents.CostRecorded;
import nl.herstel.incidents.api.IncidentEvents.DecisionRecorded;
import nl.herstel.incidents.api.IncidentEvents.EvidenceRegistered;
import nl.herstel.incidents.api.IncidentEvents.EvidenceTransferred;
import nl.herstel.incidents.api.IncidentEvents.EvidenceVerified;
import nl.herstel.incidents.api.IncidentEvents.IncidentAlertUpdated;
import nl.herstel.incidents.api.IncidentEvents.IncidentClosed;
import nl.herstel.incidents.api.IncidentEvents.IncidentOpened;
import nl.herstel.incidents.api.IncidentEvents.IncidentTransitioned;
import nl.herstel.incidents.api.IncidentEvents.NotificationObligationRegistered;
import nl.herstel.incidents.api.IncidentEvents.NotificationOverdue;
import nl.herstel.incidents.api.IncidentEvents.NotificationSubmitted;
import nl.herstel.incidents.api.IncidentEvents.ProcessRestored;
import nl.herstel.incidents.api.IncidentEvents.RecoveryDeadlineBreached;
import nl.herstel.incidents.api.IncidentEvents.Restoration;
import nl.herstel.incidents.api.IncidentEvents.UnresolvedAssetResolved;
import nl.herstel.incidents.api.IncidentStatus;
import nl.herstel.incidents.api.NotificationClock;
import nl.herstel.incidents.api.NotificationCommands.AdmitNotificationObligation;
import nl.herstel.incidents.api.NotificationCommands.CheckNotificationClock;
import nl.herstel.incidents.api.NotificationCommands.RecordIncidentNotificationOverdue;
import nl.herstel.incidents.api.NotificationCommands.SubmitIncidentNotification;
import nl.herstel.incidents.api.RecoveryCommands.AbsorbIncident;
import nl.herstel.incidents.api.RecoveryCommands.ActivatePlan;
import nl.herstel.incidents.api.RecoveryCommands.ActivationAnswer;
import nl.herstel.incidents.api.RecoveryCommands.AddRecoveryTask;
import nl.herstel.incidents.api.RecoveryCommands.AlertPart;
import nl.herstel.incidents.api.RecoveryCommands.AssignRecoveryTask;
import nl.herstel.incidents.api.RecoveryCommands.CardSteps;
import nl.herstel.incidents.api.RecoveryCommands.ChangeRecoveryTaskStatus;
import nl.herstel.incidents.api.RecoveryCommands.ClassifyIncident;
import nl.herstel.incidents.api.RecoveryCommands.IncidentParts;
import nl.herstel.incidents.api.RecoveryCommands.MergeIntoIncident;
import nl.herstel.incidents.api.RecoveryCommands.OpenSplitIncident;
import nl.herstel.incidents.api.RecoveryCommands.SplitIncident;
import nl.herstel.incidents.api.RecoveryDeadlineKind;
import nl.herstel.incidents.api.RecoveryEvents.IncidentAbsorbed;
import nl.herstel.incidents.api.RecoveryEvents.IncidentClassified;
import nl.herstel.incidents.api.RecoveryEvents.IncidentMergedInto;
import nl.herstel.incidents.api.RecoveryEvents.IncidentSplit;
import nl.herstel.incidents.api.RecoveryEvents.IncidentSplitOff;
import nl.herstel.incidents.api.RecoveryEvents.PlanActivated;
import nl.herstel.incidents.api.RecoveryEvents.PlanActivationRefused;
import nl.herstel.incidents.api.RecoveryEvents.RecoveryTaskAssigned;
import nl.herstel.incidents.api.RecoveryEvents.RecoveryTaskCreated;
import nl.herstel.incidents.api.RecoveryEvents.RecoveryTaskStatusChanged;
import nl.herstel.incidents.api.RecoveryTaskStatus;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.serialization.Revision;

/**
 * A cyber incident: IT disrupted so that critical processes can no longer be delivered (DOMAIN.md).
 * It opens from a SOC alert with the processes the hit assets disrupt and their RTO/MTPD deadlines,
 * and closes when the recovery operation ends, with when each process was restored; lessons learned
 * hold those restorations against the RTOs.
 *
 * <p>Its parts live in their own classes: the clocks and notification obligations ({@link Clocks}),
 * the restorations ({@link Restorations}), the category, merges and per-alert parts ({@link
 * RecoveryState}) and the recovery tasks, entities of the incident ({@link RecoveryTask}). Evidence
 * items are aggregates of their own ({@link EvidenceItem}): they live on after closure; the
 * incident only admits new ones, and keeps the custody of the items registered in its stream before
 * that ({@link EvidenceLedger}). Revision 4 (the evidence ledger holds one custody per item):
 * snapshots of earlier layouts are ignored and the incident is rebuilt from its events.
 */
@Revision("4")
public class Incident {
  @AggregateIdentifier private String incidentId;
  private String source;
  private String sourceId;
  private IncidentStatus status;
  private Instant disruptedAt;
  private String title;
  private String description;
  private Severity severity;
  private Instant alertUpdatedAt;
  private final Set<String> affectedProcesses = new HashSet<>();
  private final Set<String> assets = new HashSet<>();
  private final Set<String> alerts = new HashSet<>();
  private final Clocks clocks = new Clocks();

  protected Incident() {}

  /**
   * Opens the incident, or, when this alert already opened it, answers it unchanged: the SOC may
   * send an alert again (a retry, a re-fired rule) without opening a second incident.
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public Intake handle(OpenIncident command) {
    if (incidentId != null) {
      if (!source.equalsIgnoreCase(command.source()) || !sourceId.equals(command.sourceId())) {
        throw new Conflict("Incident " + incidentId + " belongs to another alert");
      }
      return update(command);
    }
    Instant disrupted = command.detectedAt();
    if (disrupted.isBefore(EARLIEST)) {
      throw new RuleViolation("detectedAt", "detectedAt must not be before " + EARLIEST);
    }
    checkAlertUpdatedAt(command);
    if (disrupted.isAfter(command.reportedAt().plus(CLOCK_TOLERANCE))) {
      throw new RuleViolation(
          "detectedAt", "detectedAt lies in the future (" + disrupted + ") by more than 5 minutes");
    }
    List<AffectedProcess> affected =
        command.affectedProcesses().stream().map(p -> withDeadlinesFrom(disrupted, p)).toList();
    apply(
        new IncidentOpened(
            command.incidentId(),
            command.source(),
            command.sourceId(),
            command.title(),
            command.description(),
            command.severity(),
            disrupted,
            command.assets(),
            command.unresolvedAssets(),
            affected,
            command.raw(),
            command.alertUpdatedAt(),
            command.correlationKey()));
    return new Intake(command.incidentId(), IncidentStatus.REPORTED, false, false);
  }

  /**
   * The same alert again. Its facts replace the stored ones only when its source says it is newer
   * than what is stored: updates of one alert may arrive out of order, and a late old version must
   * not overwrite a newer severity or title. A closed incident takes no updates.
   */
  private Intake update(OpenIncident command) {
    checkAlertUpdatedAt(command);
    if (recovery.mergedInto() != null) {
      return new Intake(recovery.mergedInto(), status, true, false);
    }
    boolean newer = command.alertUpdatedAt().isAfter(alertUpdatedAt);
    boolean changed =
        !command.title().equals(title)
            || command.severity() != severity
            || !Objects.equals(command.description(), description);
    if (status == IncidentStatus.CLOSED || !newer || !changed) {
      return new Intake(incidentId, status, true, false);
    }
    apply(
        new IncidentAlertUpdated(
            incidentId,
            command.title(),
            command.description(),
            command.severity(),
            command.alertUpdatedAt(),
            command.raw()));
    return new Intake(incidentId, status, true, true);
  }

  private static void checkAlertUpdatedAt(OpenIncident command) {
    if (command.alertUpdatedAt().isAfter(command.reportedAt().plus(CLOCK_TOLERANCE))) {
      throw new RuleViolation(
          "updatedAt", "the alert's update time lies in the future by more than 5 minutes");
    }
  }

  /**
   * Ends the recovery operation. Only processes the incident disrupts can be restored, each once,
   * not before the disruption began and not in the future.
   */
  @CommandHandler
  public void handle(CloseIncident command) {
    if (status == IncidentStatus.CLOSED) {
      throw new Conflict("Incident " + incidentId + " is already closed");
    }
    if (status == IncidentStatus.MERGED) {
      throw new Conflict(
          "Incident "
              + incidentId
              + " was merged into "
              + recovery.mergedInto()
              + "; close that one");
    }
    Set<String> restored = new HashSet<>();
    List<Restoration> restorations =
        command.restorations().isEmpty()
            ? this.restorations.recorded()
            : command.restorations().stream().map(this.restorations::completed).toList();
    for (int i = 0; i < restorations.size(); i++) {
      Restoration restoration = restorations.get(i);
      String field = "restorations[" + i + "]";
      if (!affectedProcesses.contains(restoration.processId())) {
        throw new RuleViolation(
            field + ".processId",
            "Process '" + restoration.processId() + "' is not disrupted by this incident");
      }
      if (!restored.add(restoration.processId())) {
        throw new RuleViolation(
            field + ".processId",
            "Process '" + restoration.processId() + "' is restored more than once");
      }
      if (restoration.restoredAt().isBefore(disruptedAt)) {
        throw new RuleViolation(
            field + ".restoredAt",
            "restoredAt must not be before the disruption began (" + disruptedAt + ")");
      }
      if (restoration.restoredAt().isAfter(command.requestedAt().plus(CLOCK_TOLERANCE))) {
        throw new RuleViolation(
            field + ".restoredAt", "restoredAt lies in the future by more than 5 minutes");
      }
    }
    apply(
        new IncidentClosed(
            incidentId,
            disruptedAt,
            restorations,
            command.summary(),
            recovery.category,
            List.copyOf(recovery.activatedPlans)));
  }

  /**
   * Takes in a new alert that touches this incident's assets, once: the same alert again answers
   * this incident as a duplicate. A closed or dismissed incident takes none (incidentId null).
   */
  @CommandHandler
  public Intake handle(CorrelateAlert command) {
    if (recovery.mergedInto() != null) {
      return new Intake(null, status, false, false);
    }
    String departedTo = recovery.departed.get(alertKey(command.source(), command.sourceId()));
    if (departedTo != null) {
      return new Intake(departedTo, status, true, false);
    }
    if (alerts.contains(alertKey(command.source(), command.sourceId()))) {
      return new Intake(incidentId, status, true, false);
    }
    if (status == IncidentStatus.CLOSED || status == IncidentStatus.DISMISSED) {
      return new Intake(null, status, false, false);
    }
    List<AffectedProcess> added =
        command.affectedProcesses().stream()
            .filter(p -> !affectedProcesses.contains(p.processId()))
            .map(p -> withDeadlinesFrom(disruptedAt, p))
            .toList();
    apply(
        new AlertCorrelated(
            incidentId,
            command.source(),
            command.sourceId(),
            command.title(),
            command.severity(),
            command.detectedAt(),
            command.assets().stream().filter(a -> !assets.contains(a.assetId())).toList(),
            command.unresolvedAssets().stream()
                .filter(n -> !assets.contains("name:" + n.toLowerCase(Locale.ROOT)))
                .toList(),
            added,
            command.raw(),
            command.correlationKey(),
            command.unresolvedAssets()));
    return new Intake(incidentId, status, false, false);
  }

  /**
   * Resolves a hint the incident named once the BIA knows its asset. An open incident takes in the
   * processes the asset disrupts with deadlines from its original disruption: the clocks did run
   * from then, even while nobody knew which asset was hit. A closed, dismissed or merged incident
   * only records which asset the hint was. A hint this incident does not hold unresolved changes
   * nothing, so the resolver may send it again.
   */
  @CommandHandler
  public void handle(ResolveAssetHint command) {
    String hint = unresolvedHint(command.hint());
    if (hint == null) {
      return;
    }
    boolean open =
        status != IncidentStatus.CLOSED
            && status != IncidentStatus.DISMISSED
            && recovery.mergedInto() == null;
    List<AffectedProcess> added =
        !open
            ? List.of()
            : command.affectedProcesses().stream()
                .filter(p -> !affectedProcesses.contains(p.processId()))
                .map(p -> withDeadlinesFrom(disruptedAt, p))
                .toList();
    apply(new UnresolvedAssetResolved(incidentId, hint, command.asset(), added));
  }

  /** The hint as this incident holds it unresolved (case ignored), or null. */
  private String unresolvedHint(String hint) {
    if (!assets.contains("name:" + hint.toLowerCase(Locale.ROOT))) {
      return null;
    }
    return recovery.unresolvedAssets.stream()
        .filter(n -> n.equalsIgnoreCase(hint))
        .findFirst()
        .orElse(hint);
  }

  /** A process the BIA copy names, with its RTO and MTPD deadlines counted from {@code from}. */
  private static AffectedProcess withDeadlinesFrom(Instant from, ProcessTargets p) {
    return new AffectedProcess(
        p.processId(),
        p.name(),
        p.rto(),
        p.mtpd(),
        from.plus(p.rto()),
        from.plus(p.mtpd()),
        p.rpo());
  }

  private static String alertKey(String source, String sourceId) {
    return source.toLowerCase(Locale.ROOT) + "\u0000" + sourceId;
  }

  /** Logs a decision; a closed incident takes no more. */
  @CommandHandler
  public void handle(RecordDecision command) {
    if (status == IncidentStatus.CLOSED) {
      throw new Conflict("Incident " + incidentId + " is closed");
    }
    apply(
        new DecisionRecorded(
            incidentId,
            command.decisionId(),
            command.known(),
            command.unknown(),
            command.options(),
            command.risks(),
            command.what(),
            command.rationale(),
            command.mandate()));
  }

  /** Moves the incident to a state its current one allows; closure has its own command. */
  @CommandHandler
  public void handle(TransitionIncident command) {
    if (status == IncidentStatus.CLOSED) {
      throw new Conflict("Incident " + incidentId + " is closed");
    }
    if (!status.next().contains(command.to())) {
      throw new RuleViolation(
          "to",
          "An incident "
              + status
              + " cannot become "
              + command.to()
              + "; allowed: "
              + status.next()
              + (command.to() == IncidentStatus.CLOSED ? " (close it through its closure)" : ""));
    }
    apply(new IncidentTransitioned(incidentId, status, command.to(), command.reason()));
  }

  @EventSourcingHandler
  void on(IncidentOpened event) {
    incidentId = event.incidentId();
    source = event.source();
    sourceId = event.sourceId();
    status = IncidentStatus.REPORTED;
    disruptedAt = event.disruptedAt();
    title = event.title();
    description = event.description();
    severity = event.severity();
    alertUpdatedAt = event.alertUpdatedAt();
    event.affectedProcesses().forEach(p -> affectedProcesses.add(p.processId()));
    event.affectedProcesses().forEach(this::rememberTargets);
    event.assets().forEach(a -> assets.add(a.assetId()));
    event.unresolvedAssets().forEach(n -> assets.add("name:" + n.toLowerCase(Locale.ROOT)));
    alerts.add(alertKey(event.source(), event.sourceId()));
    clocks.track(event.affectedProcesses());
    recovery.opened(event);
  }

  @EventSourcingHandler
  void on(IncidentAlertUpdated event) {
    title = event.title();
    description = event.description();
    severity = event.severity();
    alertUpdatedAt = event.alertUpdatedAt();
  }

  @EventSourcingHandler
  void on(AlertCorrelated event) {
    event.newAffectedProcesses().forEach(p -> affectedProcesses.add(p.processId()));
    event.newAffectedProcesses().forEach(this::rememberTargets);
    event.newAssets().forEach(a -> assets.add(a.assetId()));
    event.newUnresolvedAssets().forEach(n -> assets.add("name:" + n.toLowerCase(Locale.ROOT)));
    alerts.add(alertKey(event.source(), event.sourceId()));
    clocks.track(event.newAffectedProcesses());
    recovery.correlated(event);
  }

  @EventSourcingHandler
  void on(UnresolvedAssetResolved event) {
    assets.remove("name:" + event.hint().toLowerCase(Locale.ROOT));
    assets.add(event.asset().assetId());
    event.newAffectedProcesses().forEach(p -> affectedProcesses.add(p.processId()));
    event.newAffectedProcesses().forEach(this::rememberTargets);
    clocks.track(event.newAffectedProcesses());
    recovery.resolved(event);
  }

  @EventSourcingHandler
  void on(IncidentTransitioned event) {
    status = event.to();
  }

  @EventSourcingHandler
  void on(IncidentClosed event) {
    clocks.closedAsFalsePositive = status == IncidentStatus.DISMISSED;
    status = IncidentStatus.CLOSED;
  }

  // ---- records: communications, evidence custody, restorations and costs ----

  /** The evidence items registered in this stream before items had streams of their own. */
  private final EvidenceLedger evidence = new EvidenceLedger();

  /** The processes' RTO and RPO and their restorations; see {@link Restorations}. */
  private final Restorations restorations = new Restorations();

  private void rememberTargets(AffectedProcess process) {
    restorations.rememberTargets(process);
  }

  private void requireNotClosed() {
    if (status == IncidentStatus.CLOSED) {
      throw new Conflict("Incident " + incidentId + " is closed");
    }
  }

  // ---- plan activation, recovery tasks, merge and split ----

  /** Category, merge and per-alert parts; see {@link RecoveryState}. */
  private final RecoveryState recovery = new RecoveryState();

  /** The recovery tasks, by id: entities that follow their own assignment and status events. */
  @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
  private final Map<String, RecoveryTask> tasks = new LinkedHashMap<>();

  private void checkTakesRecoveryWork() {
    if (recovery.mergedInto() != null) {
      throw new Conflict(
          "Incident "
              + incidentId
              + " was merged into "
              + recovery.mergedInto()
              + "; use that one");
    }
    if (status == IncidentStatus.CLOSED) {
      throw new Conflict("Incident " + incidentId + " is closed");
    }
  }

  /**
   * Logs a communication. It went out not before the disruption (5 minutes' tolerance: clocks
   * differ) and not in the future.
   */
  @CommandHandler
  public void handle(LogCommunication command) {
    requireNotClosed();
    notBefore(
        "sentAt",
        command.sentAt(),
        disruptedAt.minus(CLOCK_TOLERANCE),
        "the disruption minus 5 minutes");
    notInTheFuture("sentAt", command.sentAt(), command.requestedAt());
    apply(
        new CommunicationLogged(
            incidentId,
            command.communicationId(),
            command.audience(),
            command.channel(),
            command.outOfBand(),
            command.message(),
            command.sentAt()));
  }

  /**
   * Admits a new evidence item, which opens a stream of its own ({@link EvidenceItem}, through
   * {@link EvidenceRouting}): a closed incident takes no new evidence. Stores nothing.
   */
  @CommandHandler
  public void handle(AdmitEvidence command) {
    requireNotClosed();
  }

  /**
   * Hands on an item registered in this incident's stream before items had streams of their own;
   * the chain of custody continues after closure. See {@link Custody#transfer}.
   */
  @CommandHandler
  public void handle(TransferIncidentEvidence command) {
    apply(evidence.transfer(incidentId, command.transfer()));
  }

  /** Checks an item registered in this incident's stream; also after closure. */
  @CommandHandler
  public Boolean handle(VerifyIncidentEvidence command) {
    EvidenceVerified verified = evidence.verify(incidentId, command.verification());
    apply(verified);
    return verified.matches();
  }

  /**
   * Records a restoration of an affected process, with the actual recovery time and data loss
   * against the incident's RTO and RPO. A process may be restored again after a relapse; the latest
   * restoration counts.
   */
  @CommandHandler
  public void handle(RecordRestoration command) {
    requireNotClosed();
    if (!affectedProcesses.contains(command.processId())) {
      throw new RuleViolation(
          "processId", "Process '" + command.processId() + "' is not disrupted by this incident");
    }
    apply(restorations.restore(incidentId, disruptedAt, command));
  }

  /** Records a positive cost, incurred not in the future. */
  @CommandHandler
  public void handle(RecordCost command) {
    requireNotClosed();
    if (command.amount() == null || command.amount().compareTo(BigDecimal.ZERO) <= 0) {
      throw new RuleViolation("amount", "amount must be more than zero");
    }
    notBefore("incurredAt", command.incurredAt(), EARLIEST, "the earliest accepted time");
    notInTheFuture("incurredAt", command.incurredAt(), command.requestedAt());
    apply(
        new CostRecorded(
            incidentId,
            command.costId(),
            command.kind(),
            command.amount(),
            command.currency(),
            command.description(),
            command.incurredAt()));
  }

  @EventSourcingHandler
  void on(EvidenceRegistered event) {
    evidence.on(event);
  }

  @EventSourcingHandler
  void on(EvidenceTransferred event) {
    evidence.on(event);
  }

  // ---- clocks: recovery deadlines and notification obligations ----

  /**
   * Records that a process's RTO or MTPD deadline passed, once per process and kind, and only while
   * it matters: not for a closed incident (closure records the restorations), not while dismissed
   * (a false positive has no deadlines; undoing the dismissal lets the clock fire again). The
   * aggregate is the guard against double firing: two clocks asking at once store one event.
   */
  @CommandHandler
  public DeadlineOutcome handle(RecordRecoveryDeadlineBreach command) {
    Instant deadline = clocks.deadline(command.processId(), command.kind());
    if (deadline == null
        || status == IncidentStatus.CLOSED
        || status == IncidentStatus.MERGED
        || restorations.restoredInTime(command.processId(), deadline)) {
      return DeadlineOutcome.NO_LONGER_APPLIES;
    }
    if (clocks.breached(command.processId(), command.kind())) {
      return DeadlineOutcome.ALREADY_RECORDED;
    }
    if (status == IncidentStatus.DISMISSED) {
      return DeadlineOutcome.SUSPENDED;
    }
    if (command.detectedAt().isBefore(deadline)) {
      return DeadlineOutcome.NOT_DUE;
    }
    apply(
        new RecoveryDeadlineBreached(
            incidentId, command.processId(), command.kind(), deadline, command.detectedAt()));
    return DeadlineOutcome.RECORDED;
  }

  @EventSourcingHandler
  void on(ProcessRestored event) {
    restorations.on(event);
  }

  /**
   * Admits a new notification obligation, which opens a stream of its own ({@link
   * NotificationObligation}, through {@link NotificationRouting}): not on a closed incident, and
   * not for an authority an obligation in this stream (registered before obligations had streams of
   * their own) covers. Stores nothing.
   */
  @CommandHandler
  public void handle(AdmitNotificationObligation command) {
    if (status == IncidentStatus.CLOSED) {
      throw new Conflict("Incident " + incidentId + " is closed");
    }
    clocks.admit(incidentId, command);
  }

  /**
   * How the notification clocks stand: stopped for a false positive (closed while dismissed),
   * suspended while dismissed, else running, also after closure (the duty to notify outlives the
   * recovery operation). Stores nothing.
   */
  @CommandHandler
  public NotificationClock handle(CheckNotificationClock command) {
    return notificationClock();
  }

  private NotificationClock notificationClock() {
    if (clocks.closedAsFalsePositive) {
      return NotificationClock.STOPPED;
    }
    return status == IncidentStatus.DISMISSED
        ? NotificationClock.SUSPENDED
        : NotificationClock.RUNNING;
  }

  /**
   * Records the submission of an obligation registered in this stream, once; also after closure.
   */
  @CommandHandler
  public void handle(SubmitIncidentNotification command) {
    apply(clocks.submission(incidentId, command.submission()));
  }

  /**
   * Records that an obligation registered in this stream is overdue, once; see {@link
   * Obligation#overdueOutcome}.
   */
  @CommandHandler
  public DeadlineOutcome handle(RecordIncidentNotificationOverdue command) {
    RecordNotificationOverdue overdue = command.overdue();
    Obligation obligation = clocks.obligations.get(overdue.obligationId());
    if (obligation == null) {
      return DeadlineOutcome.NO_LONGER_APPLIES;
    }
    DeadlineOutcome outcome = obligation.overdueOutcome(notificationClock(), overdue.detectedAt());
    if (outcome == DeadlineOutcome.RECORDED) {
      apply(obligation.overdue(incidentId, overdue.obligationId(), overdue.detectedAt()));
    }
    return outcome;
  }

  @EventSourcingHandler
  void on(RecoveryDeadlineBreached event) {
    clocks.breach(event.processId(), event.kind());
  }

  @EventSourcingHandler
  void on(NotificationObligationRegistered event) {
    clocks.obligations.put(event.obligationId(), Obligation.of(event));
  }

  @EventSourcingHandler
  void on(NotificationSubmitted event) {
    clocks.obligations.computeIfPresent(
        event.obligationId(), (id, o) -> o.submitted(event.submittedAt()));
  }

  @EventSourcingHandler
  void on(NotificationOverdue event) {
    clocks.obligations.computeIfPresent(event.obligationId(), (id, o) -> o.markOverdue());
  }

  /** Gives the incident its category; the same category again changes nothing. */
  @CommandHandler
  public void handle(ClassifyIncident command) {
    checkTakesRecoveryWork();
    if (command.category() == recovery.category) {
      return;
    }
    apply(
        new IncidentClassified(
            incidentId, command.category(), recovery.category, command.reason()));
  }

  /**
   * Activates a recovery plan: only under a role the plan mandates (a refusal is recorded and
   * answered as refused), only when the incident's state allows PLAN_ACTIVATED (after triage). The
   * scenario card's steps become recovery tasks for the recovery team, in order.
   */
  @CommandHandler
  public ActivationAnswer handle(ActivatePlan command) {
    checkTakesRecoveryWork();
    if (command.mandate() == null || !command.mandatedRoles().contains(command.mandate())) {
      apply(
          new PlanActivationRefused(
              incidentId,
              command.planId(),
              command.planVersion(),
              command.mandatedRoles(),
              command.callerRoles(),
              command.reason()));
      return new ActivationAnswer(true, List.of());
    }
    if (!status.next().contains(IncidentStatus.PLAN_ACTIVATED)) {
      throw new Conflict(
          "A plan can be activated on a TRIAGED incident; this one is "
              + status
              + (status == IncidentStatus.REPORTED ? " (triage it first)" : ""));
    }
    CardSteps card = command.card();
    int steps = card == null ? 0 : card.steps().size();
    if (command.taskIds().size() != steps) {
      throw new IllegalArgumentException("one task id per step is needed");
    }
    apply(
        new PlanActivated(
            incidentId,
            command.planId(),
            command.planVersion(),
            command.planName(),
            card == null ? null : card.scenarioCardId(),
            card == null ? null : card.title(),
            command.mandate(),
            command.mandatedRoles(),
            command.reason()));
    apply(
        new IncidentTransitioned(
            incidentId,
            status,
            IncidentStatus.PLAN_ACTIVATED,
            "Plan '" + command.planName() + "' activated: " + command.reason()));
    for (int i = 0; i < steps; i++) {
      apply(
          new RecoveryTaskCreated(
              incidentId,
              command.taskIds().get(i),
              i + 1,
              card.steps().get(i),
              card.assigneeRole(i),
              null,
              command.planId(),
              card.scenarioCardId()));
    }
    return new ActivationAnswer(false, command.taskIds());
  }

  /** Adds a task no scenario card foresaw. */
  @CommandHandler
  public void handle(AddRecoveryTask command) {
    checkTakesRecoveryWork();
    if (tasks.containsKey(command.taskId())) {
      throw new Conflict("Task " + command.taskId() + " exists already");
    }
    apply(
        new RecoveryTaskCreated(
            incidentId,
            command.taskId(),
            null,
            command.title(),
            command.assigneeRole(),
            command.assignee(),
            null,
            null));
  }

  /** Gives a task to someone; giving it to the same one again changes nothing. */
  @CommandHandler
  public void handle(AssignRecoveryTask command) {
    checkTakesRecoveryWork();
    checkTask(command.taskId());
    String previous = tasks.get(command.taskId()).assignee();
    if (command.assignee().equals(previous)) {
      return;
    }
    apply(new RecoveryTaskAssigned(incidentId, command.taskId(), command.assignee(), previous));
  }

  /** Moves a task to another status; a task is not moved to the status it has. */
  @CommandHandler
  public void handle(ChangeRecoveryTaskStatus command) {
    checkTakesRecoveryWork();
    checkTask(command.taskId());
    RecoveryTaskStatus from = tasks.get(command.taskId()).status();
    if (from == command.status()) {
      throw new RuleViolation("status", "The task is " + from + " already");
    }
    apply(
        new RecoveryTaskStatusChanged(
            incidentId, command.taskId(), from, command.status(), command.note()));
  }

  private void checkTask(String taskId) {
    if (!tasks.containsKey(taskId)) {
      throw new NotFound("Recovery task", taskId);
    }
  }

  /**
   * Merges this incident into another: answers everything it holds, for the other to absorb, and
   * takes nothing more. A closed or already merged incident cannot merge.
   */
  @CommandHandler
  public IncidentParts handle(MergeIntoIncident command) {
    if (recovery.mergedInto() != null) {
      throw new Conflict(
          "Incident " + incidentId + " was merged into " + recovery.mergedInto() + " already");
    }
    if (status == IncidentStatus.CLOSED) {
      throw new Conflict("Incident " + incidentId + " is closed and cannot be merged");
    }
    IncidentParts parts = recovery.everything();
    apply(new IncidentMergedInto(incidentId, command.intoIncidentId(), status, command.reason()));
    return parts;
  }

  /** Absorbs a merged incident's alerts, assets and processes; a dismissed one takes none. */
  @CommandHandler
  public void handle(AbsorbIncident command) {
    checkTakesRecoveryWork();
    if (status == IncidentStatus.DISMISSED) {
      throw new Conflict("Incident " + incidentId + " is dismissed; it cannot absorb another");
    }
    apply(
        new IncidentAbsorbed(
            incidentId,
            command.absorbedIncidentId(),
            recovery.newTo(command.parts()),
            command.reason()));
  }

  /**
   * Splits alerts off into a new incident: each must be one of this incident's alerts, named once,
   * and not the alert that opened it (that one names this incident). The new incident's disruption
   * begins with the earliest detection among them; its processes' deadlines run from there. Answers
   * what the new incident takes.
   */
  @CommandHandler
  public IncidentParts handle(SplitIncident command) {
    checkTakesRecoveryWork();
    IncidentParts parts = recovery.splitOff(command.alerts());
    apply(new IncidentSplit(incidentId, command.newIncidentId(), parts, command.reason()));
    return parts;
  }

  /** Opens the incident that alerts split off into. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  public void handle(OpenSplitIncident command) {
    if (command.parts().alerts().isEmpty()) {
      throw new RuleViolation("alerts", "At least one alert must move");
    }
    apply(
        new IncidentSplitOff(
            command.incidentId(), command.fromIncidentId(), command.parts(), command.reason()));
  }

  @EventSourcingHandler
  void on(IncidentClassified event) {
    recovery.category = event.category();
  }

  @EventSourcingHandler
  void on(PlanActivated event) {
    recovery.activatedPlans.add(
        new ActivatedPlan(event.planId(), event.planVersion(), event.scenarioCardId()));
  }

  @EventSourcingHandler
  void on(RecoveryTaskCreated event) {
    tasks.put(event.taskId(), new RecoveryTask(event.taskId(), event.assignee()));
  }

  @EventSourcingHandler
  void on(IncidentMergedInto event) {
    recovery.mergedInto = event.intoIncidentId();
    status = IncidentStatus.MERGED;
  }

  @EventSourcingHandler
  void on(IncidentAbsorbed event) {
    takeIn(event.parts());
  }

  @EventSourcingHandler
  void on(IncidentSplit event) {
    event.parts().alerts().forEach(a -> alerts.remove(alertKey(a.source(), a.sourceId())));
    recovery.removeAlerts(event.parts(), event.newIncidentId());
  }

  @EventSourcingHandler
  void on(IncidentSplitOff event) {
    AlertPart first = event.parts().alerts().get(0);
    incidentId = event.incidentId();
    source = first.source();
    sourceId = first.sourceId();
    status = IncidentStatus.REPORTED;
    disruptedAt = event.parts().disruptedAt();
    title = first.title();
    severity =
        event.parts().alerts().stream()
            .map(AlertPart::severity)
            .max(Severity::compareTo)
            .orElseThrow();
    alertUpdatedAt = disruptedAt;
    recovery.openedFrom(event.parts());
    takeIn(event.parts());
  }

  private void takeIn(IncidentParts parts) {
    for (AlertPart part : parts.alerts()) {
      alerts.add(alertKey(part.source(), part.sourceId()));
      part.assets().forEach(a -> assets.add(a.assetId()));
      part.unresolvedAssets().forEach(n -> assets.add("name:" + n.toLowerCase(Locale.ROOT)));
      part.affectedProcesses().forEach(p -> affectedProcesses.add(p.processId()));
      // a process this incident already disrupts keeps its own targets and deadlines
      List<AffectedProcess> fresh =
          part.affectedProcesses().stream()
              .filter(p -> clocks.deadline(p.processId(), RecoveryDeadlineKind.RTO) == null)
              .toList();
      fresh.forEach(this::rememberTargets);
      clocks.track(fresh);
      recovery.add(part);
    }
  }
}
