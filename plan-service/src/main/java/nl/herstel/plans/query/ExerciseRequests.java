package nl.herstel.plans.query;

import static nl.herstel.platform.jdbc.Sql.instant;

import com.fasterxml.jackson.databind.JavaType;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.plans.api.PreparednessQueries.ListExerciseRequests;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.queryhandling.QueryHandler;

/** The exercises lessons-service asked for ({@code plan_exercise_request}), oldest first. */
public class ExerciseRequests {
  private static final JavaType IDS =
      Sql.JSON.getTypeFactory().constructCollectionType(List.class, String.class);

  private final Sql sql;

  public ExerciseRequests(Sql sql) {
    this.sql = sql;
  }

  @QueryHandler
  public List<ExerciseRequestView> list(ListExerciseRequests query) {
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> args = new ArrayList<>();
    if (query.planId() != null) {
      where.append(" AND plan_id = ?");
      args.add(query.planId());
    }
    if (query.after() != null) {
      where.append(" AND request_id > ?");
      args.add(query.after());
    }
    args.add(query.limit() + 1);
    return sql.list(
        "SELECT * FROM plan_exercise_request" + where + " ORDER BY request_id LIMIT ?",
        r ->
            new ExerciseRequestView(
                r.getString("request_id"),
                r.getString("plan_id"),
                r.getString("scenario_card_id"),
                r.getString("incident_id"),
                Sql.fromJson(r.getString("process_ids"), IDS),
                r.getString("reason"),
                instant(r, "requested_at")),
        args.toArray());
  }
}
