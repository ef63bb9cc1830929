package nl.herstel.plans.query;

import java.util.List;
import java.util.Optional;
import nl.herstel.plans.api.IncidentFactKind;
import nl.herstel.plans.api.IncidentTimeline;
import nl.herstel.plans.api.IncidentTimelines;
import nl.herstel.plans.api.PreparednessQueries.FindIncidentTimeline;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Each incident's timeline from the copy of its story the incident intake keeps: for the REST
 * layer's check of a seed incident, and for the command side that turns it into an exercise's
 * script.
 */
public class IncidentTimelineQueries implements IncidentTimelines {
  private final Sql sql;

  public IncidentTimelineQueries(Sql sql) {
    this.sql = sql;
  }

  @QueryHandler
  public Optional<IncidentTimeline> timeline(FindIncidentTimeline q) {
    return find(q.incidentId());
  }

  @Override
  public Optional<IncidentTimeline> find(String incidentId) {
    return sql.one(
            "SELECT incident_id, title, disrupted_at, closed_at FROM plan_incident"
                + " WHERE incident_id = ?",
            r ->
                new IncidentTimeline(
                    r.getString(1),
                    r.getString(2),
                    Sql.instant(r, "disrupted_at"),
                    Sql.instant(r, "closed_at"),
                    List.of()),
            incidentId)
        .map(
            t ->
                new IncidentTimeline(
                    t.incidentId(), t.title(), t.disruptedAt(), t.closedAt(), facts(incidentId)));
  }

  private List<IncidentTimeline.Fact> facts(String incidentId) {
    return sql.list(
        "SELECT kind, happened_at, process_id, actor, description, recovery_seconds"
            + " FROM plan_incident_fact WHERE incident_id = ? ORDER BY happened_at, seq",
        r ->
            new IncidentTimeline.Fact(
                IncidentFactKind.valueOf(r.getString("kind")),
                Sql.instant(r, "happened_at"),
                r.getString("process_id"),
                r.getString("actor"),
                r.getString("description"),
                Sql.duration(r, "recovery_seconds")),
        incidentId);
  }
}
