package nl.herstel.incidents.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.incidents.api.ImprovementQueries.ListIncidentImprovementActions;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.queryhandling.QueryHandler;

/** Answers which improvement actions an incident led to, from the copy the Kafka intake keeps. */
public class IncidentImprovementActions {
  private final Sql sql;

  public IncidentImprovementActions(JdbcTransactions db) {
    this.sql = new Sql(db);
  }

  /**
   * An improvement action as incident-service last heard of it from lessons-service.
   *
   * @param targetKind what it improves: PROCESS, ASSET, THREAT, PLAN, SCENARIO_CARD, BACKUP_POLICY
   *     or TRAINING
   * @param targetPlanId the plan of a scenario card; otherwise null
   * @param updatedAt when lessons-service last changed it
   */
  public record View(
      String actionId,
      String title,
      String status,
      String reason,
      String owner,
      LocalDate due,
      String priority,
      String targetKind,
      String targetId,
      String targetPlanId,
      Instant updatedAt) {}

  @QueryHandler
  public List<View> list(ListIncidentImprovementActions q) {
    List<Object> args = new ArrayList<>(List.of(q.incidentId()));
    String after = "";
    if (q.after() != null) {
      after =
          " AND (COALESCE(due, 'infinity'::date), action_id) > (SELECT COALESCE(due,"
              + " 'infinity'::date), action_id FROM incident_improvement_action"
              + " WHERE incident_id = ? AND action_id = ?)";
      args.add(q.incidentId());
      args.add(q.after());
    }
    args.add(q.limit() + 1);
    return sql.list(
        "SELECT * FROM incident_improvement_action WHERE incident_id = ?"
            + after
            + " ORDER BY COALESCE(due, 'infinity'::date), action_id LIMIT ?",
        r ->
            new View(
                r.getString("action_id"),
                r.getString("title"),
                r.getString("status"),
                r.getString("reason"),
                r.getString("owner"),
                r.getObject("due", LocalDate.class),
                r.getString("priority"),
                r.getString("target_kind"),
                r.getString("target_id"),
                r.getString("target_plan_id"),
                Sql.instant(r, "occurred_at")),
        args.toArray());
  }
}
