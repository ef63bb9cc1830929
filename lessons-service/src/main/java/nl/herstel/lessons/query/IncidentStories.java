package nl.herstel.lessons.query;

import static nl.herstel.platform.jdbc.Sql.bool;
import static nl.herstel.platform.jdbc.Sql.duration;
import static nl.herstel.platform.jdbc.Sql.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.lessons.api.LessonsQueries.FindIncidentStory;
import nl.herstel.lessons.query.IncidentStoryView.ActivatedPlan;
import nl.herstel.lessons.query.IncidentStoryView.AssetRecovery;
import nl.herstel.lessons.query.IncidentStoryView.Cost;
import nl.herstel.lessons.query.IncidentStoryView.CostSum;
import nl.herstel.lessons.query.IncidentStoryView.Notification;
import nl.herstel.lessons.query.IncidentStoryView.ProcessStory;
import nl.herstel.lessons.query.IncidentStoryView.TaskCounts;
import nl.herstel.lessons.query.IncidentStoryView.Transition;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Each incident's story as lessons-service keeps it from incident-service's events: one incident
 * with its figures ({@link #story}), and the facts an evaluation policy asks ({@link #facts}).
 * Callers in this service (the evaluation policy, the management report) use it in-process.
 */
public class IncidentStories {
  /** The incident's own rows and those of incidents merged into it: costs, notifications. */
  private static final String MERGED_IN =
      " WHERE (incident_id = ? OR incident_id IN"
          + " (SELECT m.incident_id FROM lessons_incident m WHERE m.merged_into = ?))";

  private final Sql sql;

  public IncidentStories(Sql sql) {
    this.sql = sql;
  }

  /** What an evaluation policy asks of the incident, or empty when lessons never heard of it. */
  public Optional<IncidentFacts> facts(String incidentId) {
    return sql.one(
        "SELECT i.severity, i.category, i.closed_at, i.merged_into, i.dismissed,"
            + " EXISTS (SELECT 1 FROM lessons_incident_process p WHERE p.incident_id = i.incident_id"
            + " AND (p.rto_breached_at IS NOT NULL OR p.mtpd_breached_at IS NOT NULL"
            + " OR p.rto_met = FALSE OR p.mtpd_met = FALSE)) AS breached"
            + " FROM lessons_incident i WHERE i.incident_id = ?",
        r ->
            new IncidentFacts(
                incidentId,
                severity(r.getString("severity")),
                r.getString("category"),
                instant(r, "closed_at"),
                r.getBoolean("breached"),
                r.getString("merged_into"),
                r.getBoolean("dismissed")),
        incidentId);
  }

  /** The incident's story with its figures, or empty when lessons never heard of it. */
  @QueryHandler
  public Optional<IncidentStoryView> find(FindIncidentStory query) {
    return story(query.incidentId());
  }

  /** The incident's story with its figures, or empty when lessons never heard of it. */
  public Optional<IncidentStoryView> story(String incidentId) {
    if (!sql.exists("SELECT 1 FROM lessons_incident WHERE incident_id = ?", incidentId)) {
      return Optional.empty();
    }
    return Optional.of(assemble(incidentId));
  }

  private IncidentStoryView assemble(String incidentId) {
    List<ProcessStory> processes =
        sql.list(
            "SELECT * FROM lessons_incident_process WHERE incident_id = ?"
                + " ORDER BY restored_at NULLS LAST, process_id",
            r ->
                new ProcessStory(
                    r.getString("process_id"),
                    r.getString("name"),
                    duration(r, "rto_seconds"),
                    duration(r, "mtpd_seconds"),
                    duration(r, "rpo_seconds"),
                    instant(r, "restored_at"),
                    instant(r, "data_restored_to"),
                    duration(r, "recovery_seconds"),
                    duration(r, "data_loss_seconds"),
                    bool(r, "rto_met"),
                    bool(r, "mtpd_met"),
                    bool(r, "rpo_met"),
                    instant(r, "rto_breached_at"),
                    instant(r, "mtpd_breached_at")),
            incidentId);
    Duration longest =
        processes.stream()
            .map(ProcessStory::recoveryTime)
            .filter(d -> d != null)
            .max(Duration::compareTo)
            .orElse(null);
    List<AssetRecovery> assets =
        sql.list(
            "SELECT asset_id FROM lessons_incident_asset WHERE incident_id = ? ORDER BY asset_id",
            r -> new AssetRecovery(r.getString("asset_id"), longest),
            incidentId);
    List<Cost> costs =
        sql.list(
            "SELECT * FROM lessons_incident_cost" + MERGED_IN + " ORDER BY incurred_at, cost_id",
            r ->
                new Cost(
                    r.getString("cost_id"),
                    r.getString("kind"),
                    RecoveryStatistics.amount(r.getBigDecimal("amount")),
                    r.getString("currency"),
                    r.getString("description"),
                    instant(r, "incurred_at")),
            incidentId,
            incidentId);
    List<CostSum> sums =
        sql.list(
            "SELECT kind, currency, SUM(amount) AS amount, GROUPING(kind) AS total"
                + " FROM lessons_incident_cost"
                + MERGED_IN
                + " GROUP BY GROUPING SETS ((kind, currency), (currency)) ORDER BY currency, kind",
            r ->
                new CostSum(
                    r.getInt("total") == 1 ? null : r.getString("kind"),
                    r.getString("currency"),
                    RecoveryStatistics.amount(r.getBigDecimal("amount"))),
            incidentId,
            incidentId);
    List<Notification> notifications =
        sql.list(
            "SELECT *, "
                + RecoveryStatistics.TIMELINESS
                + " AS timeliness"
                + " FROM lessons_incident_notification n"
                + MERGED_IN
                + " ORDER BY due_at NULLS LAST, obligation_id",
            r ->
                new Notification(
                    r.getString("obligation_id"),
                    r.getString("authority"),
                    instant(r, "due_at"),
                    instant(r, "submitted_at"),
                    instant(r, "overdue_at"),
                    IncidentStoryView.Timeliness.valueOf(r.getString("timeliness"))),
            incidentId,
            incidentId);
    TaskCounts tasks =
        sql.one(
                "SELECT COUNT(*) AS created, COUNT(started_at) AS started,"
                    + " COUNT(*) FILTER (WHERE status = 'DONE') AS done"
                    + " FROM lessons_incident_task WHERE incident_id = ?",
                r -> new TaskCounts(r.getInt("created"), r.getInt("started"), r.getInt("done")),
                incidentId)
            .orElseThrow();
    int decisions =
        sql.one(
                "SELECT COUNT(*) AS n FROM lessons_incident_decision WHERE incident_id = ?",
                r -> r.getInt("n"),
                incidentId)
            .orElseThrow();
    List<Transition> transitions =
        sql.list(
            "SELECT * FROM lessons_incident_transition WHERE incident_id = ? ORDER BY at, event_id",
            r ->
                new Transition(
                    r.getString("from_status"),
                    r.getString("to_status"),
                    r.getString("reason"),
                    r.getString("transitioned_by"),
                    instant(r, "at")),
            incidentId);
    Instant lastRestored =
        processes.stream()
            .map(ProcessStory::restoredAt)
            .filter(t -> t != null)
            .max(Instant::compareTo)
            .orElse(null);
    return sql.one(
            "SELECT * FROM lessons_incident WHERE incident_id = ?",
            r -> {
              Instant disruptedAt = instant(r, "disrupted_at");
              Instant openedAt = instant(r, "opened_at");
              Instant activatedAt = instant(r, "plan_activated_at");
              Instant recoveredAt = instant(r, "recovered_at");
              return new IncidentStoryView(
                  incidentId,
                  r.getString("title"),
                  severity(r.getString("severity")),
                  r.getString("category"),
                  r.getString("status"),
                  r.getBoolean("dismissed"),
                  r.getString("split_from"),
                  r.getString("merged_into"),
                  disruptedAt,
                  openedAt,
                  activatedAt == null
                      ? null
                      : new ActivatedPlan(
                          r.getString("plan_id"),
                          (Integer) r.getObject("plan_version"),
                          r.getString("plan_name"),
                          r.getString("scenario_card_id"),
                          r.getString("scenario_title"),
                          r.getString("mandate"),
                          r.getString("activated_by"),
                          activatedAt),
                  recoveredAt,
                  instant(r, "closed_at"),
                  between(disruptedAt, openedAt),
                  between(disruptedAt, activatedAt),
                  between(disruptedAt, recoveredAt != null ? recoveredAt : lastRestored),
                  processes,
                  assets,
                  costs,
                  sums.stream().filter(s -> s.kind() != null).toList(),
                  sums.stream().filter(s -> s.kind() == null).toList(),
                  notifications,
                  tasks,
                  decisions,
                  transitions);
            },
            incidentId)
        .orElseThrow();
  }

  private static Duration between(Instant from, Instant to) {
    if (from == null || to == null) {
      return null;
    }
    Duration d = Duration.between(from, to);
    return d.isNegative() ? Duration.ZERO : Duration.ofSeconds(d.toSeconds());
  }

  private static Severity severity(String name) {
    return name == null ? null : Severity.valueOf(name);
  }
}
