package nl.herstel.plans.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.plans.api.PlanImprovementQueries.ListPlanImprovementActions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Problem;
import org.axonframework.queryhandling.QueryHandler;

/** Answers which improvement actions target a plan, from the copy the Kafka intake keeps. */
public class PlanImprovementActions {
  private static final char SEP = '\u001f';
  private final Sql sql;

  public PlanImprovementActions(Sql sql) {
    this.sql = sql;
  }

  @QueryHandler
  public List<PlanImprovementActionView> list(ListPlanImprovementActions q) {
    List<Object> args = new ArrayList<>(List.of(q.planId()));
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
        "SELECT * FROM plan_improvement_action WHERE plan_id = ?"
            + after
            + " ORDER BY due, action_id LIMIT ?",
        r ->
            new PlanImprovementActionView(
                r.getString("action_id"),
                r.getString("plan_id"),
                r.getString("card_id"),
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
