package nl.herstel.lessons.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.herstel.lessons.api.LessonsQueries.SummarizeRecoveryInformation;
import nl.herstel.lessons.query.RecoverySummary.AssetFigures;
import nl.herstel.lessons.query.RecoverySummary.CategoryFrequency;
import nl.herstel.lessons.query.RecoverySummary.CostSum;
import nl.herstel.lessons.query.RecoverySummary.Figures;
import nl.herstel.lessons.query.RecoverySummary.NotificationTimeliness;
import nl.herstel.lessons.query.RecoverySummary.ProcessFigures;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Recovery information aggregated over many incidents ({@link RecoverySummary}), computed in
 * PostgreSQL with set-based SQL: one statement per kind of figure, each grouping the buckets and
 * the total at once ({@code GROUPING SETS}), percentiles by {@code percentile_cont}. The incidents
 * of the span are found through the index on {@code disrupted_at}; their processes, assets, costs
 * and notifications through their incident id. Costs and notifications of an incident merged into
 * another count with that other one. The management report calls {@link #summarize} in-process.
 */
public class RecoveryStatistics {

  /**
   * How timely a notification obligation ({@code n}) was met: ON_TIME, LATE, OVERDUE or OPEN; see
   * {@link IncidentStoryView.Notification}.
   */
  static final String TIMELINESS =
      "CASE WHEN n.submitted_at IS NOT NULL THEN"
          + " CASE WHEN COALESCE(n.late, n.submitted_at > n.due_at, FALSE) THEN 'LATE'"
          + " ELSE 'ON_TIME' END"
          + " WHEN n.overdue_at IS NOT NULL OR n.due_at < now() THEN 'OVERDUE' ELSE 'OPEN' END";

  /**
   * The incidents of the span with their bucket; {@code counted} is false for merged and dismissed
   * ones. Only the filters a query names become predicates: a generic plan for "{@code ? IS NULL OR
   * …}" would scan what an index finds.
   */
  private record Span(String cte, Object[] args) {
    static Span of(SummarizeRecoveryInformation q) {
      StringBuilder cte =
          new StringBuilder(
              "WITH inc AS MATERIALIZED (SELECT i.incident_id, i.disrupted_at, i.opened_at,"
                  + " i.plan_activated_at, i.recovered_at, i.category, i.dismissed,"
                  + " i.merged_into, (i.merged_into IS NULL AND NOT i.dismissed) AS counted,"
                  + " date_trunc(?::text, i.disrupted_at AT TIME ZONE 'UTC')::date AS bucket"
                  + " FROM lessons_incident i WHERE i.disrupted_at >= ? AND i.disrupted_at < ?");
      List<Object> args = new ArrayList<>();
      args.add(q.period().name().toLowerCase(Locale.ROOT));
      args.add(q.from().atStartOfDay().toInstant(ZoneOffset.UTC));
      args.add(q.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
      if (q.category() != null) {
        cte.append(" AND i.category = ?");
        args.add(q.category());
      }
      if (q.processId() != null) {
        cte.append(
            " AND EXISTS (SELECT 1 FROM lessons_incident_process f"
                + " WHERE f.incident_id = i.incident_id AND f.process_id = ?)");
        args.add(q.processId());
      }
      if (q.incidentId() != null) {
        cte.append(" AND i.incident_id = ?");
        args.add(q.incidentId());
      }
      return new Span(cte.append(") ").toString(), args.toArray());
    }

    /** The predicate on a process row {@code p} that the query's process filter asks for. */
    static String processFilter(SummarizeRecoveryInformation q) {
      return q.processId() == null ? "" : " AND p.process_id = ?";
    }

    Object[] withProcess(SummarizeRecoveryInformation q) {
      return q.processId() == null ? args : with(args, q.processId());
    }
  }

  /**
   * Each counted incident of the span ({@code incident_id}, {@code bucket}) with itself and every
   * incident merged into it as {@code member}: whose costs and notifications count with it.
   */
  private static final String FAMILY =
      ", family AS (SELECT inc.incident_id, inc.bucket, inc.incident_id AS member FROM inc"
          + " WHERE inc.counted UNION ALL SELECT inc.incident_id, inc.bucket, m.incident_id"
          + " FROM inc JOIN lessons_incident m ON m.merged_into = inc.incident_id"
          + " WHERE inc.counted) ";

  /**
   * Each incident of the span with its last restoration ({@code rec}). Both CTEs are materialized:
   * inlined, the planner looped over every process row for every incident (15 s at 10,000).
   */
  private static final String LAST_RESTORED =
      ", rec AS MATERIALIZED (SELECT p.incident_id, MAX(p.restored_at) AS last_restored"
          + " FROM lessons_incident_process p JOIN inc USING (incident_id)"
          + " GROUP BY p.incident_id) ";

  private final Sql sql;

  public RecoveryStatistics(Sql sql) {
    this.sql = sql;
  }

  @QueryHandler
  public RecoverySummary handle(SummarizeRecoveryInformation query) {
    return summarize(query);
  }

  /** The recovery information of the incidents disrupted in the query's span. */
  public RecoverySummary summarize(SummarizeRecoveryInformation q) {
    Span range = Span.of(q);
    Map<LocalDate, Builder> buckets = new TreeMap<>();
    Builder total = new Builder(null);
    java.util.function.Function<LocalDate, Builder> at =
        bucket -> bucket == null ? total : buckets.computeIfAbsent(bucket, Builder::new);

    sql.list(
        range.cte()
            + LAST_RESTORED
            + "SELECT inc.bucket, GROUPING(inc.bucket) AS whole,"
            + " COUNT(*) FILTER (WHERE counted) AS incidents,"
            + " COUNT(*) FILTER (WHERE merged_into IS NULL AND dismissed) AS dismissed,"
            + " COUNT(*) FILTER (WHERE merged_into IS NOT NULL) AS merged,"
            + " AVG(EXTRACT(EPOCH FROM opened_at - disrupted_at)) FILTER (WHERE counted)"
            + " AS ttd,"
            + " AVG(EXTRACT(EPOCH FROM plan_activated_at - disrupted_at))"
            + " FILTER (WHERE counted) AS tta,"
            + " AVG(EXTRACT(EPOCH FROM COALESCE(recovered_at, rec.last_restored)"
            + " - disrupted_at)) FILTER (WHERE counted) AS ttr"
            + " FROM inc LEFT JOIN rec USING (incident_id)"
            + " GROUP BY GROUPING SETS ((inc.bucket), ())",
        r -> {
          Builder b = at.apply(bucket(r));
          b.incidents = r.getLong("incidents");
          b.dismissed = r.getLong("dismissed");
          b.merged = r.getLong("merged");
          b.ttd = seconds(r, "ttd");
          b.tta = seconds(r, "tta");
          b.ttr = seconds(r, "ttr");
          return b;
        },
        range.args());

    sql.list(
        range.cte()
            + "SELECT inc.bucket, GROUPING(inc.bucket) AS whole,"
            + " COUNT(p.restored_at) AS restored,"
            + " COUNT(*) FILTER (WHERE p.rto_met)::float8 / NULLIF(COUNT(p.rto_met), 0) AS rto,"
            + " COUNT(*) FILTER (WHERE p.mtpd_met)::float8 / NULLIF(COUNT(p.mtpd_met), 0)"
            + " AS mtpd,"
            + " COUNT(*) FILTER (WHERE p.rpo_met)::float8 / NULLIF(COUNT(p.rpo_met), 0) AS rpo,"
            + " AVG(p.recovery_seconds) FILTER (WHERE p.data_restored_to < inc.disrupted_at)"
            + " AS backup,"
            + " AVG(p.data_loss_seconds) AS mean_loss, MAX(p.data_loss_seconds) AS max_loss"
            + " FROM inc JOIN lessons_incident_process p USING (incident_id)"
            + " WHERE inc.counted"
            + Span.processFilter(q)
            + " GROUP BY GROUPING SETS ((inc.bucket), ())",
        r -> {
          Builder b = at.apply(bucket(r));
          b.restored = r.getLong("restored");
          b.rtoShare = share(r, "rto");
          b.mtpdShare = share(r, "mtpd");
          b.rpoShare = share(r, "rpo");
          b.backup = seconds(r, "backup");
          b.meanLoss = seconds(r, "mean_loss");
          b.maxLoss = seconds(r, "max_loss");
          return b;
        },
        range.withProcess(q));

    sql.list(
        range.cte()
            + FAMILY
            + "SELECT inc.bucket, GROUPING(inc.bucket) AS whole, c.kind, GROUPING(c.kind) AS"
            + " all_kinds, c.currency, SUM(c.amount) AS amount"
            + " FROM family inc JOIN lessons_incident_cost c ON c.incident_id = inc.member"
            + " GROUP BY GROUPING SETS ((inc.bucket, c.kind, c.currency),"
            + " (inc.bucket, c.currency), (c.kind, c.currency), (c.currency))"
            + " ORDER BY c.currency, c.kind",
        r -> {
          Builder b = at.apply(bucket(r));
          boolean allKinds = r.getInt("all_kinds") == 1;
          CostSum sum =
              new CostSum(
                  allKinds ? null : r.getString("kind"),
                  r.getString("currency"),
                  amount(r.getBigDecimal("amount")));
          (allKinds ? b.costTotals : b.costsByKind).add(sum);
          return b;
        },
        range.args());

    sql.list(
        range.cte()
            + FAMILY
            + "SELECT inc.bucket, GROUPING(inc.bucket) AS whole,"
            + " COUNT(*) FILTER (WHERE t = 'ON_TIME') AS on_time,"
            + " COUNT(*) FILTER (WHERE t = 'LATE') AS late,"
            + " COUNT(*) FILTER (WHERE t = 'OVERDUE') AS overdue,"
            + " COUNT(*) FILTER (WHERE t = 'OPEN') AS open"
            + " FROM (SELECT inc.bucket, "
            + TIMELINESS
            + " AS t FROM family inc"
            + " JOIN lessons_incident_notification n ON n.incident_id = inc.member) inc"
            + " GROUP BY GROUPING SETS ((inc.bucket), ())",
        r -> {
          Builder b = at.apply(bucket(r));
          b.notifications =
              new NotificationTimeliness(
                  r.getLong("on_time"), r.getLong("late"), r.getLong("overdue"), r.getLong("open"));
          return b;
        },
        range.args());

    List<CategoryFrequency> categories =
        sql.list(
            range.cte()
                + "SELECT EXTRACT(YEAR FROM disrupted_at AT TIME ZONE 'UTC')::int AS year,"
                + " category, COUNT(*) AS incidents FROM inc WHERE counted"
                + " GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST",
            r ->
                new CategoryFrequency(
                    r.getInt("year"), r.getString("category"), r.getLong("incidents")),
            range.args());

    List<ProcessFigures> processes =
        sql.list(
            range.cte()
                + "SELECT p.process_id, COALESCE(MAX(t.name), MAX(p.name)) AS name,"
                + " COUNT(*) AS incidents, COUNT(p.restored_at) AS restored,"
                + " AVG(p.recovery_seconds) AS mean_rec, MAX(p.recovery_seconds) AS max_rec,"
                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY p.recovery_seconds) AS p90_rec,"
                + " COALESCE(MAX(t.rto_seconds), MAX(p.rto_seconds)) AS rto,"
                + " COALESCE(MAX(t.mtpd_seconds), MAX(p.mtpd_seconds)) AS mtpd,"
                + " COALESCE(MAX(t.rpo_seconds), MAX(p.rpo_seconds)) AS rpo,"
                + " COUNT(*) FILTER (WHERE p.rto_met) AS rto_met,"
                + " COUNT(*) FILTER (WHERE p.mtpd_met) AS mtpd_met,"
                + " COUNT(*) FILTER (WHERE p.rpo_met) AS rpo_met,"
                + " COUNT(*) FILTER (WHERE NOT p.rpo_met) AS rpo_missed,"
                + " COUNT(p.rto_breached_at) AS rto_breaches,"
                + " COUNT(p.mtpd_breached_at) AS mtpd_breaches,"
                + " AVG(p.data_loss_seconds) AS mean_loss, MAX(p.data_loss_seconds) AS max_loss"
                + " FROM inc JOIN lessons_incident_process p USING (incident_id)"
                + " LEFT JOIN lessons_process_target t ON t.process_id = p.process_id"
                + " WHERE inc.counted"
                + Span.processFilter(q)
                + " GROUP BY p.process_id ORDER BY incidents DESC, p.process_id",
            r ->
                new ProcessFigures(
                    r.getString("process_id"),
                    r.getString("name"),
                    r.getLong("incidents"),
                    r.getLong("restored"),
                    seconds(r, "mean_rec"),
                    seconds(r, "max_rec"),
                    seconds(r, "p90_rec"),
                    seconds(r, "rto"),
                    seconds(r, "mtpd"),
                    seconds(r, "rpo"),
                    r.getLong("rto_met"),
                    r.getLong("mtpd_met"),
                    r.getLong("rpo_met"),
                    r.getLong("rpo_missed"),
                    r.getLong("rto_breaches"),
                    r.getLong("mtpd_breaches"),
                    seconds(r, "mean_loss"),
                    seconds(r, "max_loss")),
            range.withProcess(q));

    List<AssetFigures> assets =
        sql.list(
            range.cte()
                + "SELECT a.asset_id, COUNT(*) AS incidents, COUNT(rec.seconds) AS recovered,"
                + " AVG(rec.seconds) AS mean_rec, MAX(rec.seconds) AS max_rec,"
                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY rec.seconds) AS p90_rec"
                + " FROM inc JOIN lessons_incident_asset a USING (incident_id)"
                + " LEFT JOIN LATERAL (SELECT MAX(p.recovery_seconds) AS seconds"
                + " FROM lessons_incident_process p WHERE p.incident_id = inc.incident_id) rec"
                + " ON TRUE WHERE inc.counted"
                + " GROUP BY a.asset_id ORDER BY incidents DESC, a.asset_id",
            r ->
                new AssetFigures(
                    r.getString("asset_id"),
                    r.getLong("incidents"),
                    r.getLong("recovered"),
                    seconds(r, "mean_rec"),
                    seconds(r, "max_rec"),
                    seconds(r, "p90_rec")),
            range.args());

    return new RecoverySummary(
        q.from(),
        q.to(),
        q.period(),
        q.category(),
        q.processId(),
        total.figures(),
        buckets.values().stream().map(Builder::figures).toList(),
        categories,
        processes,
        assets);
  }

  private static Object[] with(Object[] args, Object... more) {
    Object[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  private static LocalDate bucket(ResultSet r) throws SQLException {
    return r.getInt("whole") == 1 ? null : r.getObject("bucket", LocalDate.class);
  }

  /** A mean or sum of seconds, to whole seconds (half up), or null. */
  private static Duration seconds(ResultSet r, String column) throws SQLException {
    BigDecimal value = r.getBigDecimal(column);
    return value == null
        ? null
        : Duration.ofSeconds(value.setScale(0, RoundingMode.HALF_UP).longValueExact());
  }

  private static Double share(ResultSet r, String column) throws SQLException {
    double value = r.getDouble(column);
    return r.wasNull() ? null : value;
  }

  /** An amount without trailing zeros, never in exponent notation. */
  static BigDecimal amount(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** One bucket's figures, filled in by the statements one after another. */
  private static final class Builder {
    final LocalDate periodStart;
    long incidents;
    long dismissed;
    long merged;
    Duration ttd;
    Duration tta;
    Duration ttr;
    long restored;
    Double rtoShare;
    Double mtpdShare;
    Double rpoShare;
    Duration backup;
    Duration meanLoss;
    Duration maxLoss;
    final List<CostSum> costsByKind = new ArrayList<>();
    final List<CostSum> costTotals = new ArrayList<>();
    NotificationTimeliness notifications = new NotificationTimeliness(0, 0, 0, 0);

    Builder(LocalDate periodStart) {
      this.periodStart = periodStart;
    }

    Figures figures() {
      return new Figures(
          periodStart,
          incidents,
          dismissed,
          merged,
          ttd,
          tta,
          ttr,
          restored,
          rtoShare,
          mtpdShare,
          rpoShare,
          backup,
          meanLoss,
          maxLoss,
          List.copyOf(costsByKind),
          List.copyOf(costTotals),
          notifications);
    }
  }
}
