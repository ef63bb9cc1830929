package nl.herstel.plans.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import nl.herstel.contracts.incidents.ActivatedPlan;
import nl.herstel.contracts.incidents.AffectedProcess;
import nl.herstel.contracts.incidents.CostRecorded;
import nl.herstel.contracts.incidents.DecisionRecorded;
import nl.herstel.contracts.incidents.IncidentClassified;
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.IncidentExtended;
import nl.herstel.contracts.incidents.IncidentMerged;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.contracts.incidents.IncidentTransitioned;
import nl.herstel.contracts.incidents.NotificationObligationRegistered;
import nl.herstel.contracts.incidents.NotificationOverdue;
import nl.herstel.contracts.incidents.NotificationSubmitted;
import nl.herstel.contracts.incidents.PlanActivated;
import nl.herstel.contracts.incidents.ProcessRestored;
import nl.herstel.contracts.incidents.RecoveryDeadlineBreached;
import nl.herstel.contracts.incidents.RecoveryTaskCreated;
import nl.herstel.contracts.incidents.RecoveryTaskStatusChanged;
import nl.herstel.contracts.incidents.Restoration;
import nl.herstel.plans.api.IncidentFactKind;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.IncomingEvent;

/**
 * Each incident's story from herstel.incidents.v1, kept so an exercise can replay it (DOMAIN.md,
 * "Exercise, test, train": practise a real case) and so readiness sees real uses of a plan.
 *
 * <ul>
 *   <li>Every story event becomes a fact of the incident's timeline: when it happened (the moment
 *       it names — a restoration's restoredAt, a decision's occurredAt …), its kind, who did it and
 *       what, in words. The incident starts at its disruption.
 *   <li>A restored process (ProcessRestored, or a restoration of IncidentClosed that no
 *       ProcessRestored announced) is a real recovery: readiness holds it against the RTO like an
 *       exercise result.
 *   <li>A plan activation (PlanActivated, or an activated plan named by IncidentClosed) is a real
 *       use of the plan.
 * </ul>
 *
 * Each fact is keyed by the CloudEvent id that carried it, and written with the platform inbox
 * entry of that event, so a redelivery applies once.
 */
public class IncidentIntake {
  private final Sql sql;

  public IncidentIntake(Sql sql) {
    this.sql = sql;
  }

  public void opened(IncidentOpened e, IncomingEvent envelope) {
    start(e.incidentId(), e.disruptedAt(), e.title());
    String processes =
        e.affectedProcesses().stream().map(AffectedProcess::name).collect(Collectors.joining(", "));
    fact(
        envelope.id(),
        e.incidentId(),
        e.occurredAt(),
        IncidentFactKind.OPENED,
        null,
        null,
        null,
        "Incident '%s' opened (%s)%s%s"
            .formatted(
                e.title(),
                e.severity(),
                processes.isEmpty() ? "" : "; affected processes: " + processes,
                e.splitFromIncidentId() == null
                    ? ""
                    : "; split from incident " + e.splitFromIncidentId()),
        null);
  }

  public void classified(IncidentClassified e, IncomingEvent envelope) {
    fact(
        envelope.id(),
        e.incidentId(),
        e.occurredAt(),
        IncidentFactKind.CLASSIFIED,
        null,
        e.classifiedBy(),
        null,
        "Classified as "
            + e.category()
            + (e.previous() == null ? "" : " (was " + e.previous() + ")")
            + because(e.reason()),
        null);
  }

  public void planActivated(PlanActivated e, IncomingEvent envelope) {
    activation(
        e.incidentId(),
        e.planId(),
        e.planVersion(),
        e.scenarioCardId(),
        e.occurredAt(),
        e.activatedBy());
    fact(
        envelope.id(),
        e.incidentId(),
        e.occurredAt(),
        IncidentFactKind.PLAN_ACTIVATED,
        null,
        e.activatedBy(),
        e.planId(),
        "Plan '%s' (version %d) activated%s under mandate %s%s"
            .formatted(
                e.planName(),
                e.planVersion(),
                e.scenarioTitle() == null ? "" : " with scenario '" + e.scenarioTitle() + "'",
                e.mandate(),
                because(e.reason())),
        null);
  }

  public void transitioned(IncidentTransitioned e, IncomingEvent envelope) {
    fact(
        envelope.id(),
        e.incidentId(),
        e.occurredAt(),
        IncidentFactKind.TRANSITIONED,
        null,
        e.transitionedBy(),
        null,
        e.from() + " → " + e.to() + because(e.reason()),
        null);
  }

  public void deadlineBreached(RecoveryDeadlineBreached e, IncomingEvent envelope) {
    fact(
        envelope.id(),
        e.incidentId(),
        e.deadline(),
        IncidentFactKind.DEADLINE_BREACHED,
        e.processId(),
        null,
        null,
        "The " + e.kind() + " deadline of process " + e.processId() + " passed",
        null);
  }

  public void notificationRegistered(NotificationObligationRegistered e, IncomingEvent envelope) {
    fact(
        envelope.id(),
        e.incidentId(),
        e.occurredAt(),
        IncidentFactKind.NOTIFICATION_REGISTERED,
        null,
        null,
        e.obligationId(),
        "Notification to %s required (%s)%s"
            .formatted(
                e.authority(), e.legalBasis(), e.dueAt() == null ? "" : ", due " + e.dueAt()),
        null);
  }

  public void notificationSubmitted(NotificationSubmitted e, IncomingEvent envelope) {
    fact(
        envelope.id(),
        e.incidentId(),
        e.submittedAt(),
        IncidentFactKind.NOTIFICATION_SUBMITTED,
        null,
        null,
        e.obligationId(),
        "Notified " + e.authority() + (e.late() ? ", late" : ", on time"),
        null);
  }

  public void notificationOverdue(NotificationOverdue e, IncomingEvent envelope) {
    fact(
        envelope.id(),
        e.incidentId(),
        e.dueAt(),
        IncidentFactKind.NOTIFICATION_OVERDUE,
        null,
        null,
        e.obligationId(),
        "The notification to " + e.authority() + " became overdue",
        null);
  }

  public void processRestored(ProcessRestored e, IncomingEvent envelope) {
    restored(
        envelope.id(),
        e.incidentId(),
        e.processId(),
        e.disruptedAt(),
        e.restoredAt(),
        "Process %s restored after %s%s%s"
            .formatted(
                e.processId(),
                e.recoveryTime(),
                e.rto() == null
                    ? ""
                    : " (RTO " + e.rto() + (Boolean.FALSE.equals(e.rtoMet()) ? ", breached)" : ")"),
                e.dataLoss() == null ? "" : "; data lost: " + e.dataLoss()));
  }

  public void costRecorded(CostRecorded e, IncomingEvent envelope) {
    fact(
        envelope.id(),
        e.incidentId(),
        e.incurredAt(),
        IncidentFactKind.COST,
        null,
        null,
        e.costId(),
        "Cost (%s): %s %s — %s"
            .formatted(e.kind(), e.amount().toPlainString(), e.currency(), e.description()),
        null);
  }

  public void taskCreated(RecoveryTaskCreated e, IncomingEvent envelope) {
    fact(
        envelope.id(),
        e.incidentId(),
        e.occurredAt(),
        IncidentFactKind.TASK_CREATED,
        null,
        null,
        e.taskId(),
        "Task "
            + (e.stepNo() == null ? "" : e.stepNo() + " ")
            + "'"
            + e.title()
            + "'"
            + (e.assigneeRole() == null ? "" : " for " + e.assigneeRole()),
        null);
  }

  public void taskStatusChanged(RecoveryTaskStatusChanged e, IncomingEvent envelope) {
    String title =
        sql.one(
                "SELECT description FROM plan_incident_fact WHERE incident_id = ? AND ref = ?"
                    + " AND kind = 'TASK_CREATED' LIMIT 1",
                r -> r.getString(1),
                e.incidentId(),
                e.taskId())
            .orElse("Task " + e.taskId());
    fact(
        envelope.id(),
        e.incidentId(),
        e.occurredAt(),
        IncidentFactKind.TASK_STATUS_CHANGED,
        null,
        e.changedBy(),
        e.taskId(),
        title + ": " + e.from() + " → " + e.to(),
        null);
  }

  public void decisionRecorded(DecisionRecorded e, IncomingEvent envelope) {
    fact(
        envelope.id(),
        e.incidentId(),
        e.occurredAt(),
        IncidentFactKind.DECISION,
        null,
        e.decidedBy(),
        e.decisionId(),
        "Decided: "
            + e.what()
            + (e.rationale() == null ? "" : " — " + e.rationale())
            + (e.mandate() == null ? "" : " (mandate: " + e.mandate() + ")"),
        null);
  }

  public void merged(IncidentMerged e, IncomingEvent envelope) {
    fact(
        envelope.id(),
        e.incidentId(),
        e.occurredAt(),
        IncidentFactKind.MERGED,
        null,
        e.mergedBy(),
        e.intoIncidentId(),
        "Merged into incident " + e.intoIncidentId() + because(e.reason()),
        null);
  }

  public void extended(IncidentExtended e, IncomingEvent envelope) {
    String processes =
        e.affectedProcesses().stream().map(AffectedProcess::name).collect(Collectors.joining(", "));
    fact(
        envelope.id(),
        e.incidentId(),
        e.occurredAt(),
        IncidentFactKind.EXTENDED,
        null,
        null,
        e.absorbedIncidentId(),
        "Extended (%s): %d more assets%s"
            .formatted(
                e.cause(),
                e.assetIds().size(),
                processes.isEmpty() ? "" : "; processes joined: " + processes),
        null);
  }

  public void incidentClosed(IncidentClosed e, IncomingEvent envelope) {
    start(e.incidentId(), e.disruptedAt(), null);
    for (Restoration r : e.restorations()) {
      boolean announced =
          sql.exists(
              "SELECT 1 FROM plan_incident_fact WHERE incident_id = ? AND process_id = ?"
                  + " AND kind = 'PROCESS_RESTORED' AND happened_at = ?",
              e.incidentId(),
              r.processId(),
              r.restoredAt());
      if (!announced) {
        restored(
            envelope.id() + ":" + r.processId(),
            e.incidentId(),
            r.processId(),
            e.disruptedAt(),
            r.restoredAt(),
            "Process %s restored after %s"
                .formatted(r.processId(), Duration.between(e.disruptedAt(), r.restoredAt())));
      }
    }
    for (ActivatedPlan p : e.activatedPlans()) {
      activation(
          e.incidentId(), p.planId(), p.planVersion(), p.scenarioCardId(), e.disruptedAt(), null);
    }
    sql.update(
        "UPDATE plan_incident SET closed_at = ? WHERE incident_id = ?",
        e.occurredAt(),
        e.incidentId());
    fact(
        envelope.id(),
        e.incidentId(),
        e.occurredAt(),
        IncidentFactKind.CLOSED,
        null,
        null,
        null,
        "Incident closed" + (e.summary() == null ? "" : ": " + e.summary()),
        null);
  }

  private void restored(
      String factId,
      String incidentId,
      String processId,
      Instant disruptedAt,
      Instant restoredAt,
      String description) {
    Duration took = Duration.between(disruptedAt, restoredAt);
    if (took.isNegative()) {
      return;
    }
    sql.update(
        "INSERT INTO plan_real_recovery (incident_id, process_id, achieved_seconds, restored_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (incident_id, process_id) DO UPDATE SET"
            + " achieved_seconds = EXCLUDED.achieved_seconds, restored_at = EXCLUDED.restored_at"
            + " WHERE plan_real_recovery.restored_at < EXCLUDED.restored_at",
        incidentId,
        processId,
        took,
        restoredAt);
    fact(
        factId,
        incidentId,
        restoredAt,
        IncidentFactKind.PROCESS_RESTORED,
        processId,
        null,
        null,
        description,
        took);
  }

  private void activation(
      String incidentId, String planId, int version, String cardId, Instant at, String by) {
    sql.update(
        "INSERT INTO plan_activation (incident_id, plan_id, plan_version, scenario_card_id,"
            + " activated_at, activated_by) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (incident_id, plan_id) DO UPDATE SET"
            + " plan_version = EXCLUDED.plan_version, scenario_card_id = EXCLUDED.scenario_card_id,"
            + " activated_at = EXCLUDED.activated_at, activated_by = EXCLUDED.activated_by"
            + " WHERE plan_activation.activated_by IS NULL AND EXCLUDED.activated_by IS NOT NULL",
        incidentId,
        planId,
        version,
        cardId,
        at,
        by);
  }

  private void start(String incidentId, Instant disruptedAt, String title) {
    sql.update(
        "INSERT INTO plan_incident (incident_id, title, disrupted_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (incident_id) DO UPDATE SET disrupted_at = EXCLUDED.disrupted_at,"
            + " title = COALESCE(EXCLUDED.title, plan_incident.title)",
        incidentId,
        title,
        disruptedAt);
  }

  private void fact(
      String factId,
      String incidentId,
      Instant at,
      IncidentFactKind kind,
      String processId,
      String actor,
      String ref,
      String description,
      Duration recovery) {
    sql.update(
        "INSERT INTO plan_incident_fact (fact_id, incident_id, happened_at, kind, process_id,"
            + " actor, ref, description, recovery_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (fact_id) DO NOTHING",
        factId,
        incidentId,
        at,
        kind,
        processId,
        actor,
        ref,
        description,
        Sql.seconds(recovery));
  }

  private static String because(String reason) {
    return reason == null || reason.isBlank() ? "" : ": " + reason;
  }
}
