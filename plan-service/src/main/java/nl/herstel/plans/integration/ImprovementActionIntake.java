package nl.herstel.plans.integration;

import java.util.Set;
import nl.herstel.contracts.lessons.ImprovementActionChanged;
import nl.herstel.contracts.lessons.ImprovementActionRecorded;
import nl.herstel.contracts.lessons.ImprovementTarget;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.IncomingEvent;

/**
 * The improvement actions lessons-service agreed on for a plan, one of its scenario cards, a backup
 * policy or a training record (DOMAIN.md, "Improve"), so the plan shows what must change in it or
 * in what proves it. Each event carries the action's whole state; the newest (by {@code
 * occurredAt}) wins, so a late or repeated record changes nothing. An action whose target moves
 * away from these is dropped. The plan of a policy's or training's action is resolved when asked
 * (the policy's asset may join a plan later). Written with the inbox row.
 */
public class ImprovementActionIntake {
  private static final Set<String> KEPT =
      Set.of("PLAN", "SCENARIO_CARD", "BACKUP_POLICY", "TRAINING");

  private final Sql sql;

  public ImprovementActionIntake(Sql sql) {
    this.sql = sql;
  }

  public void recorded(ImprovementActionRecorded e, IncomingEvent envelope) {
    keep(
        e.actionId(),
        e.target(),
        e.title(),
        e.status(),
        e.statusReason(),
        e.owner(),
        e.due(),
        e.priority(),
        e.incidentId(),
        e.occurredAt());
  }

  public void changed(ImprovementActionChanged e, IncomingEvent envelope) {
    keep(
        e.actionId(),
        e.target(),
        e.title(),
        e.status(),
        e.statusReason(),
        e.owner(),
        e.due(),
        e.priority(),
        e.incidentId(),
        e.occurredAt());
  }

  private void keep(
      String actionId,
      ImprovementTarget target,
      String title,
      String status,
      String reason,
      String owner,
      java.time.LocalDate due,
      String priority,
      String incidentId,
      java.time.Instant at) {
    if (!KEPT.contains(target.kind())) {
      sql.update(
          "DELETE FROM plan_improvement_action WHERE action_id = ? AND occurred_at <= ?",
          actionId,
          at);
      return;
    }
    sql.update(
        "INSERT INTO plan_improvement_action (action_id, plan_id, card_id, target_kind, target_id,"
            + " title, status, reason, owner, due, priority, incident_id, occurred_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (action_id) DO UPDATE SET"
            + " plan_id = EXCLUDED.plan_id, card_id = EXCLUDED.card_id,"
            + " target_kind = EXCLUDED.target_kind, target_id = EXCLUDED.target_id,"
            + " title = EXCLUDED.title,"
            + " status = EXCLUDED.status, reason = EXCLUDED.reason, owner = EXCLUDED.owner,"
            + " due = EXCLUDED.due, priority = EXCLUDED.priority,"
            + " incident_id = EXCLUDED.incident_id, occurred_at = EXCLUDED.occurred_at"
            + " WHERE plan_improvement_action.occurred_at <= EXCLUDED.occurred_at",
        actionId,
        target.plan(),
        "SCENARIO_CARD".equals(target.kind()) ? target.id() : null,
        target.kind(),
        target.id(),
        title,
        status,
        reason,
        owner,
        due,
        priority,
        incidentId,
        at);
  }
}
