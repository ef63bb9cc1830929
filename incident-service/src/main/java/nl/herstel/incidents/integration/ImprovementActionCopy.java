package nl.herstel.incidents.integration;

import nl.herstel.contracts.lessons.ImprovementActionChanged;
import nl.herstel.contracts.lessons.ImprovementActionRecorded;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.kafka.IncomingEvent;

/**
 * The improvement actions lessons-service recorded for an incident (DOMAIN.md, "Improve"), so the
 * incident shows what it led to and how far each action got. Each event carries the action's whole
 * state; the newest (by {@code occurredAt}) wins, so a late or repeated record changes nothing.
 * Actions that came from no incident are not kept. Written with the inbox row.
 */
public class ImprovementActionCopy {
  private final Sql sql;

  public ImprovementActionCopy(JdbcTransactions db) {
    this.sql = new Sql(db);
  }

  public void recorded(ImprovementActionRecorded e, IncomingEvent envelope) {
    if (e.incidentId() != null) {
      keep(
          new Object[] {
            e.actionId(),
            e.incidentId(),
            e.title(),
            e.status(),
            e.statusReason(),
            e.owner(),
            e.due(),
            e.priority(),
            e.target().kind(),
            e.target().id(),
            e.target().planId(),
            e.occurredAt()
          });
    }
  }

  public void changed(ImprovementActionChanged e, IncomingEvent envelope) {
    if (e.incidentId() != null) {
      keep(
          new Object[] {
            e.actionId(),
            e.incidentId(),
            e.title(),
            e.status(),
            e.statusReason(),
            e.owner(),
            e.due(),
            e.priority(),
            e.target().kind(),
            e.target().id(),
            e.target().planId(),
            e.occurredAt()
          });
    }
  }

  private void keep(Object[] row) {
    sql.update(
        "INSERT INTO incident_improvement_action (action_id, incident_id, title, status, reason,"
            + " owner, due, priority, target_kind, target_id, target_plan_id, occurred_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (action_id) DO UPDATE SET"
            + " incident_id = EXCLUDED.incident_id, title = EXCLUDED.title,"
            + " status = EXCLUDED.status, reason = EXCLUDED.reason, owner = EXCLUDED.owner,"
            + " due = EXCLUDED.due, priority = EXCLUDED.priority,"
            + " target_kind = EXCLUDED.target_kind, target_id = EXCLUDED.target_id,"
            + " target_plan_id = EXCLUDED.target_plan_id, occurred_at = EXCLUDED.occurred_at"
            + " WHERE incident_improvement_action.occurred_at <= EXCLUDED.occurred_at",
        row);
  }
}
