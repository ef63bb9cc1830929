package nl.herstel.lessons.integration;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.CostRecorded;
import nl.herstel.contracts.incidents.DecisionRecorded;
import nl.herstel.contracts.incidents.IncidentClassified;
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.IncidentExtended;
import nl.herstel.contracts.incidents.IncidentMerged;
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
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.IncomingEvent;

/**
 * The story of each incident after it was opened, as incident-service publishes it: classified,
 * plan activated, moved along its lifecycle, deadlines breached, notifications, restorations,
 * costs, tasks, decisions, merged, closed. Each handler runs in the consumer's transaction with the
 * inbox row of its CloudEvent id, so a redelivered event changes nothing.
 *
 * <p>One incident's events arrive in order (one partition); a merge touches two incidents on two
 * partitions, so either side of it marks the merged incident, whichever arrives first.
 */
public class IncidentStoryIntake {
  private final Sql sql;
  private final OpenedIncidents incidents;

  public IncidentStoryIntake(Sql sql, OpenedIncidents incidents) {
    this.sql = sql;
    this.incidents = incidents;
  }

  public void classified(IncidentClassified e, IncomingEvent envelope) {
    incidents.known(e.incidentId());
    sql.update(
        "UPDATE lessons_incident SET category = ? WHERE incident_id = ?",
        e.category(),
        e.incidentId());
  }

  /** The first activation is the one the time to activate is measured to. */
  public void planActivated(PlanActivated e, IncomingEvent envelope) {
    incidents.known(e.incidentId());
    sql.update(
        "UPDATE lessons_incident SET plan_activated_at = ?, plan_id = ?, plan_version = ?,"
            + " plan_name = ?, scenario_card_id = ?, scenario_title = ?, mandate = ?,"
            + " activated_by = ? WHERE incident_id = ? AND plan_activated_at IS NULL",
        e.occurredAt(),
        e.planId(),
        e.planVersion(),
        e.planName(),
        e.scenarioCardId(),
        e.scenarioTitle(),
        e.mandate(),
        e.activatedBy(),
        e.incidentId());
  }

  /**
   * A move along the lifecycle. DISMISSED marks a false positive until the dismissal is taken back;
   * RECOVERED sets when it recovered, a relapse to RECOVERING clears it.
   */
  public void transitioned(IncidentTransitioned e, IncomingEvent envelope) {
    incidents.known(e.incidentId());
    sql.update(
        "INSERT INTO lessons_incident_transition (event_id, incident_id, from_status, to_status,"
            + " reason, transitioned_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        envelope.id(),
        e.incidentId(),
        e.from(),
        e.to(),
        e.reason(),
        e.transitionedBy(),
        e.occurredAt());
    sql.update(
        "UPDATE lessons_incident SET status = CASE WHEN status IN ('CLOSED', 'MERGED') THEN status"
            + " ELSE ?::varchar END,"
            + " dismissed = CASE WHEN ? = 'DISMISSED' THEN TRUE WHEN ? = 'DISMISSED' THEN FALSE"
            + " ELSE dismissed END,"
            + " recovered_at = CASE WHEN ? = 'RECOVERED' THEN ?::timestamptz"
            + " WHEN ? = 'RECOVERED' THEN NULL ELSE recovered_at END"
            + " WHERE incident_id = ?",
        e.to(),
        e.to(),
        e.from(),
        e.to(),
        e.occurredAt(),
        e.from(),
        e.incidentId());
  }

  public void deadlineBreached(RecoveryDeadlineBreached e, IncomingEvent envelope) {
    process(e.incidentId(), e.processId());
    String column = "MTPD".equals(e.kind()) ? "mtpd_breached_at" : "rto_breached_at";
    sql.update(
        "UPDATE lessons_incident_process SET "
            + column
            + " = COALESCE("
            + column
            + ", ?) WHERE incident_id = ? AND process_id = ?",
        e.deadline(),
        e.incidentId(),
        e.processId());
  }

  public void obligationRegistered(NotificationObligationRegistered e, IncomingEvent envelope) {
    obligation(e.incidentId(), e.obligationId(), e.authority());
    sql.update(
        "UPDATE lessons_incident_notification SET legal_basis = ?, discovered_at = ?, due_at = ?"
            + " WHERE incident_id = ? AND obligation_id = ?",
        e.legalBasis(),
        e.discoveredAt(),
        e.dueAt(),
        e.incidentId(),
        e.obligationId());
  }

  public void notificationSubmitted(NotificationSubmitted e, IncomingEvent envelope) {
    obligation(e.incidentId(), e.obligationId(), e.authority());
    sql.update(
        "UPDATE lessons_incident_notification SET submitted_at = ?, late = ?"
            + " WHERE incident_id = ? AND obligation_id = ?",
        e.submittedAt(),
        e.late(),
        e.incidentId(),
        e.obligationId());
  }

  public void notificationOverdue(NotificationOverdue e, IncomingEvent envelope) {
    obligation(e.incidentId(), e.obligationId(), e.authority());
    sql.update(
        "UPDATE lessons_incident_notification SET overdue_at = COALESCE(overdue_at, ?),"
            + " due_at = COALESCE(due_at, ?) WHERE incident_id = ? AND obligation_id = ?",
        e.detectedAt(),
        e.dueAt(),
        e.incidentId(),
        e.obligationId());
  }

  /**
   * A process was restored; the latest restoration counts. MTPD met is held against the MTPD the
   * incident opened with.
   */
  public void processRestored(ProcessRestored e, IncomingEvent envelope) {
    process(e.incidentId(), e.processId());
    sql.update(
        "UPDATE lessons_incident_process SET restored_at = ?, data_restored_to = ?,"
            + " recovery_seconds = ?, data_loss_seconds = ?,"
            + " rto_seconds = COALESCE(?, rto_seconds), rpo_seconds = COALESCE(?, rpo_seconds),"
            + " rto_met = ?, rpo_met = ?,"
            + " mtpd_met = CASE WHEN mtpd_seconds IS NULL THEN NULL"
            + " ELSE ?::bigint <= mtpd_seconds END"
            + " WHERE incident_id = ? AND process_id = ?",
        e.restoredAt(),
        e.dataRestoredTo(),
        e.recoveryTime(),
        e.dataLoss(),
        e.rto(),
        e.rpo(),
        e.rtoMet(),
        e.rpoMet(),
        e.recoveryTime(),
        e.incidentId(),
        e.processId());
  }

  public void costRecorded(CostRecorded e, IncomingEvent envelope) {
    incidents.known(e.incidentId());
    sql.update(
        "INSERT INTO lessons_incident_cost (cost_id, incident_id, kind, amount, currency,"
            + " description, incurred_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        e.costId(),
        e.incidentId(),
        e.kind(),
        e.amount(),
        e.currency(),
        e.description(),
        e.incurredAt());
  }

  public void taskCreated(RecoveryTaskCreated e, IncomingEvent envelope) {
    incidents.known(e.incidentId());
    sql.update(
        "INSERT INTO lessons_incident_task (incident_id, task_id, title, step_no, plan_id,"
            + " scenario_card_id, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'TODO', ?)"
            + " ON CONFLICT DO NOTHING",
        e.incidentId(),
        e.taskId(),
        e.title(),
        e.stepNo(),
        e.planId(),
        e.scenarioCardId(),
        e.occurredAt());
  }

  /** Started is the first time it went IN_PROGRESS; done the last time it went DONE. */
  public void taskStatusChanged(RecoveryTaskStatusChanged e, IncomingEvent envelope) {
    incidents.known(e.incidentId());
    sql.update(
        "INSERT INTO lessons_incident_task (incident_id, task_id, status) VALUES (?, ?, ?)"
            + " ON CONFLICT (incident_id, task_id) DO UPDATE SET status = EXCLUDED.status",
        e.incidentId(),
        e.taskId(),
        e.to());
    sql.update(
        "UPDATE lessons_incident_task SET"
            + " started_at = CASE WHEN ? = 'IN_PROGRESS' THEN COALESCE(started_at, ?::timestamptz)"
            + " ELSE started_at END,"
            + " done_at = CASE WHEN ? = 'DONE' THEN ?::timestamptz ELSE NULL END"
            + " WHERE incident_id = ? AND task_id = ?",
        e.to(),
        e.occurredAt(),
        e.to(),
        e.occurredAt(),
        e.incidentId(),
        e.taskId());
  }

  public void decisionRecorded(DecisionRecorded e, IncomingEvent envelope) {
    incidents.known(e.incidentId());
    sql.update(
        "INSERT INTO lessons_incident_decision (incident_id, decision_id, known, unknown, options,"
            + " risks, what, rationale, mandate, decided_by, decided_at)"
            + " VALUES (?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        e.incidentId(),
        e.decisionId(),
        Sql.json(e.known()),
        Sql.json(e.unknown()),
        Sql.json(e.options()),
        Sql.json(e.risks()),
        e.what(),
        e.rationale(),
        e.mandate(),
        e.decidedBy(),
        e.occurredAt());
  }

  /** This incident was merged into another: it is not counted on its own from now on. */
  public void merged(IncidentMerged e, IncomingEvent envelope) {
    mergedInto(e.incidentId(), e.intoIncidentId(), e.occurredAt());
    sql.update(
        "UPDATE lessons_incident SET status = 'MERGED' WHERE incident_id = ?", e.incidentId());
  }

  /**
   * The incident took in more assets and processes; when it absorbed a merged incident, that one is
   * marked merged here too, in case its own IncidentMerged is still on its way.
   */
  public void extended(IncidentExtended e, IncomingEvent envelope) {
    incidents.known(e.incidentId());
    incidents.disrupted(e.incidentId(), e.assetIds(), e.affectedProcesses());
    if (e.absorbedIncidentId() != null) {
      mergedInto(e.absorbedIncidentId(), e.incidentId(), e.occurredAt());
    }
  }

  /**
   * The incident was closed. A process its closure names as restored that no restoration was
   * recorded for is restored then, as far as RTO and MTPD go (its data loss is unknown).
   */
  public void closed(IncidentClosed e, IncomingEvent envelope) {
    incidents.known(e.incidentId());
    sql.update(
        "UPDATE lessons_incident SET closed_at = ?, status = 'CLOSED', summary = ?,"
            + " disrupted_at = COALESCE(disrupted_at, ?), category = COALESCE(?, category)"
            + " WHERE incident_id = ?",
        e.occurredAt(),
        e.summary(),
        e.disruptedAt(),
        e.category(),
        e.incidentId());
    List<Restoration> restorations =
        e.restorations().stream().filter(r -> !r.restoredAt().isBefore(e.disruptedAt())).toList();
    for (Restoration r : restorations) {
      process(e.incidentId(), r.processId());
    }
    sql.batch(
        "UPDATE lessons_incident_process SET restored_at = ?,"
            + " recovery_seconds = EXTRACT(EPOCH FROM (?::timestamptz - ?::timestamptz))::bigint,"
            + " rto_met = rto_seconds >= EXTRACT(EPOCH FROM (?::timestamptz - ?::timestamptz)),"
            + " mtpd_met = mtpd_seconds >= EXTRACT(EPOCH FROM (?::timestamptz - ?::timestamptz))"
            + " WHERE incident_id = ? AND process_id = ? AND restored_at IS NULL",
        restorations.stream()
            .map(
                r ->
                    new Object[] {
                      r.restoredAt(),
                      r.restoredAt(),
                      e.disruptedAt(),
                      r.restoredAt(),
                      e.disruptedAt(),
                      r.restoredAt(),
                      e.disruptedAt(),
                      e.incidentId(),
                      r.processId()
                    })
            .toList());
  }

  private void mergedInto(String merged, String into, Instant at) {
    incidents.known(merged);
    sql.update(
        "UPDATE lessons_incident SET merged_into = ?, merged_at = COALESCE(merged_at, ?)"
            + " WHERE incident_id = ?",
        into,
        at,
        merged);
  }

  private void process(String incidentId, String processId) {
    incidents.known(incidentId);
    sql.update(
        "INSERT INTO lessons_incident_process (incident_id, process_id) VALUES (?, ?)"
            + " ON CONFLICT DO NOTHING",
        incidentId,
        processId);
  }

  private void obligation(String incidentId, String obligationId, String authority) {
    incidents.known(incidentId);
    sql.update(
        "INSERT INTO lessons_incident_notification (incident_id, obligation_id, authority)"
            + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        incidentId,
        obligationId,
        authority);
  }
}
