package nl.herstel.incidents.query;

import static nl.herstel.platform.jdbc.Sql.at;
import static nl.herstel.platform.jdbc.Sql.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.incidents.api.PlanQueries.ListRecoveryTasks;
import nl.herstel.incidents.api.RecoveryEvents.IncidentClassified;
import nl.herstel.incidents.api.RecoveryEvents.PlanActivated;
import nl.herstel.incidents.api.RecoveryEvents.PlanActivationRefused;
import nl.herstel.incidents.api.RecoveryEvents.RecoveryTaskAssigned;
import nl.herstel.incidents.api.RecoveryEvents.RecoveryTaskCreated;
import nl.herstel.incidents.api.RecoveryEvents.RecoveryTaskStatusChanged;
import nl.herstel.incidents.api.RecoveryTaskStatus;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.messaging.EventMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The recovery read model: each incident's category, its plan activations (and refused attempts),
 * and its recovery tasks with who changed them when. Rows commit with the processor's token.
 */
@ProcessingGroup("incident-recovery")
public class RecoveryProjection {
  private final Sql sql;

  public RecoveryProjection(JdbcTransactions db) {
    this.sql = new Sql(db);
  }

  @EventHandler
  void on(
      IncidentClassified e,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    sql.update(
        "INSERT INTO incident_category (incident_id, category, reason, principal, at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (incident_id) DO UPDATE SET"
            + " category = EXCLUDED.category, reason = EXCLUDED.reason,"
            + " principal = EXCLUDED.principal, at = EXCLUDED.at",
        e.incidentId(),
        e.category().name(),
        e.reason(),
        principal,
        at(at));
  }

  @EventHandler
  void on(
      PlanActivated e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @MetaDataValue(EventMetadata.ROLE) String role,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    activation(
        e.incidentId(),
        sequence,
        e.planId(),
        e.planVersion(),
        e.planName(),
        e.scenarioCardId(),
        e.scenarioTitle(),
        e.mandate(),
        false,
        e.reason(),
        principal,
        role,
        at);
  }

  @EventHandler
  void on(
      PlanActivationRefused e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @MetaDataValue(EventMetadata.ROLE) String role,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    activation(
        e.incidentId(),
        sequence,
        e.planId(),
        e.planVersion(),
        null,
        null,
        null,
        null,
        true,
        e.reason(),
        principal,
        role,
        at);
  }

  private void activation(
      String incidentId,
      long sequence,
      String planId,
      int planVersion,
      String planName,
      String cardId,
      String cardTitle,
      String mandate,
      boolean refused,
      String reason,
      String principal,
      String role,
      Instant at) {
    sql.update(
        "INSERT INTO incident_activation (incident_id, sequence, plan_id, plan_version, plan_name,"
            + " scenario_card_id, scenario_title, mandate, refused, reason, principal, role, at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        incidentId,
        sequence,
        planId,
        planVersion,
        planName,
        cardId,
        cardTitle,
        mandate,
        refused,
        reason,
        principal,
        role,
        at(at));
  }

  @EventHandler
  void on(
      RecoveryTaskCreated e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    sql.update(
        "INSERT INTO recovery_task (task_id, incident_id, position, step_no, title, assignee_role,"
            + " assignee, status, plan_id, scenario_card_id, created_at, created_by, updated_at,"
            + " updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.taskId(),
        e.incidentId(),
        sequence,
        e.stepNo(),
        e.title(),
        e.assigneeRole(),
        e.assignee(),
        RecoveryTaskStatus.TODO.name(),
        e.planId(),
        e.scenarioCardId(),
        at(at),
        principal,
        at(at),
        principal);
  }

  @EventHandler
  void on(
      RecoveryTaskAssigned e,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    sql.update(
        "UPDATE recovery_task SET assignee = ?, updated_at = ?, updated_by = ? WHERE task_id = ?",
        e.assignee(),
        at(at),
        principal,
        e.taskId());
  }

  @EventHandler
  void on(
      RecoveryTaskStatusChanged e,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    Instant when = at;
    sql.update(
        "UPDATE recovery_task SET status = ?, note = ?, updated_at = ?, updated_by = ?"
            + " WHERE task_id = ?",
        e.to().name(),
        e.note(),
        when,
        principal,
        e.taskId());
    if (e.to() == RecoveryTaskStatus.IN_PROGRESS) {
      sql.update(
          "UPDATE recovery_task SET started_at = ?, started_by = ?"
              + " WHERE task_id = ? AND started_at IS NULL",
          when,
          principal,
          e.taskId());
    }
    if (e.to() == RecoveryTaskStatus.DONE) {
      sql.update(
          "UPDATE recovery_task SET done_at = ?, done_by = ? WHERE task_id = ?",
          when,
          principal,
          e.taskId());
    } else {
      sql.update(
          "UPDATE recovery_task SET done_at = NULL, done_by = NULL WHERE task_id = ?", e.taskId());
    }
  }

  @ResetHandler
  void reset() {
    sql.update("DELETE FROM recovery_task");
    sql.update("DELETE FROM incident_activation");
    sql.update("DELETE FROM incident_category");
  }

  @QueryHandler
  public List<RecoveryTaskView> tasks(ListRecoveryTasks query) {
    List<Object> args = new ArrayList<>(List.of(query.incidentId()));
    String after = "";
    if (query.after() != null) {
      after =
          " AND (position, task_id) > (SELECT position, task_id FROM recovery_task"
              + " WHERE incident_id = ? AND task_id = ?)";
      args.add(query.incidentId());
      args.add(query.after());
    }
    args.add(query.limit() + 1);
    return sql.list(
        "SELECT * FROM recovery_task WHERE incident_id = ?"
            + after
            + " ORDER BY position, task_id LIMIT ?",
        r ->
            new RecoveryTaskView(
                r.getString("task_id"),
                r.getString("incident_id"),
                r.getObject("step_no", Integer.class),
                r.getString("title"),
                r.getString("assignee_role"),
                r.getString("assignee"),
                RecoveryTaskStatus.valueOf(r.getString("status")),
                r.getString("note"),
                r.getString("plan_id"),
                r.getString("scenario_card_id"),
                instant(r, "created_at"),
                r.getString("created_by"),
                instant(r, "started_at"),
                r.getString("started_by"),
                instant(r, "done_at"),
                r.getString("done_by"),
                instant(r, "updated_at"),
                r.getString("updated_by")),
        args.toArray());
  }
}
