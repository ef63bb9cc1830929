package nl.herstel.plans.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.plans.api.PlanImprovementQueries.ListPlanImprovementActions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Problem;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers which improvement actions concern a plan, from the copy the Kafka intake keeps: those
 * targeting the plan or one of its scenario cards, a training record for the plan, or a backup
 * policy of an asset the plan covers (a supplier asset it names, or an asset a process it covers
 * relies on in the BIA, directly or through other assets and processes).
 */
public class PlanImprovementActions {
  private static final char SEP = '\u001f';
  private final Sql sql;

  public PlanImprovementActions(Sql sql) {
    this.sql = sql;
  }

  @QueryHandler
  public List<PlanImprovementActionView> list(ListPlanImprovementActions q) {
    List<Object> args = new ArrayList<>(List.of(q.planId(), q.planId(), q.planId()));
    String after = "";
    if (q.after() != null) {
      String[] k = q.after().split(String.valueOf(SEP), 2);
      try {
        args.add(LocalDate.parse(k[0]));
        args.add(k[1]);
      } catch (RuntimeException e) {
        throw new InvalidRequest(
            List.of(new Problem.FieldError("cursor", "not a cursor of this list")));
      }
      after = " AND (due, action_id) > (?, ?)";
    }
    args.add(q.limit() + 1);
    return sql.list(
        "WITH RECURSIVE reach(node) AS ("
            + " SELECT target_id FROM plan_link WHERE plan_id = ? AND kind IN ('PROCESS', 'ASSET')"
            + " UNION SELECT d.to_id FROM reach r JOIN plan_bia_dependency d ON d.from_id = r.node)"
            + " SELECT a.* FROM plan_improvement_action a"
            + " WHERE (a.plan_id = ? AND a.target_kind IN ('PLAN', 'SCENARIO_CARD')"
            + "   OR a.target_kind = 'TRAINING' AND EXISTS (SELECT 1 FROM plan_training_record t"
            + "     WHERE t.record_id = a.target_id AND t.plan_id = ?)"
            + "   OR a.target_kind = 'BACKUP_POLICY' AND EXISTS (SELECT 1 FROM plan_backup_policy b"
            + "     WHERE b.policy_id = a.target_id AND b.asset_id IN (SELECT node FROM reach)))"
            + after
            + " ORDER BY due, action_id LIMIT ?",
        r ->
            new PlanImprovementActionView(
                r.getString("action_id"),
                q.planId(),
                r.getString("card_id"),
                r.getString("target_kind"),
                r.getString("target_id"),
                r.getString("title"),
                r.getString("status"),
                r.getString("reason"),
                r.getString("owner"),
                r.getObject("due", LocalDate.class),
                r.getString("priority"),
                r.getString("incident_id"),
                Sql.instant(r, "occurred_at")),
        args.toArray());
  }

  /** The cursor key of an action in the list. */
  public static String key(PlanImprovementActionView a) {
    return a.due().toString() + SEP + a.actionId();
  }
}
