package nl.herstel.lessons.query;

import static nl.herstel.platform.jdbc.Sql.duration;
import static nl.herstel.platform.jdbc.Sql.instant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.lessons.api.EvaluationContent;
import nl.herstel.lessons.api.LessonsQueries.IncidentReport;
import nl.herstel.lessons.api.LessonsQueries.PeriodReport;
import nl.herstel.lessons.api.LessonsQueries.SummarizeRecoveryInformation;
import nl.herstel.lessons.api.ProposalKind;
import nl.herstel.lessons.api.RecoveryPeriod;
import nl.herstel.lessons.query.ManagementReport.ActionLine;
import nl.herstel.lessons.query.ManagementReport.BiaChange;
import nl.herstel.lessons.query.ManagementReport.CategoryCount;
import nl.herstel.lessons.query.ManagementReport.CostLine;
import nl.herstel.lessons.query.ManagementReport.EvaluationDigest;
import nl.herstel.lessons.query.ManagementReport.Finding;
import nl.herstel.lessons.query.ManagementReport.IncidentLine;
import nl.herstel.lessons.query.ManagementReport.Money;
import nl.herstel.lessons.query.ManagementReport.Notifications;
import nl.herstel.lessons.query.ManagementReport.ProcessOutcome;
import nl.herstel.lessons.query.ManagementReport.Scope;
import nl.herstel.lessons.query.ManagementReport.Summary;
import nl.herstel.lessons.query.ManagementReport.TrendPoint;
import nl.herstel.lessons.query.RecoverySummary.CostSum;
import nl.herstel.lessons.query.RecoverySummary.Figures;
import nl.herstel.lessons.query.RecoverySummary.ProcessFigures;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Reads the management report from lessons-service's read models. The figures are the recovery
 * information of {@link RecoveryStatistics} (one home for how recovery is measured); the report
 * adds the lists management reads (the incidents with the longest recoveries, evaluations,
 * improvement actions, the BIA changes and their fate) and the findings it draws. A period's
 * incidents are those whose disruption began in it; an incident merged into another counts in that
 * other one. Lists are bounded so a year of ten thousand incidents stays a readable report and a
 * fast one.
 */
public class ManagementReports {
  /**
   * How many incidents and evaluations a period report lists (twice as many actions and BIA
   * changes, the open and decided ones first); the summary counts them all.
   */
  static final int LISTED = 25;

  private final Sql sql;
  private final RecoveryStatistics statistics;
  private final RevisionProposalProjection proposals;
  private final Clock clock;

  public ManagementReports(
      Sql sql, RecoveryStatistics statistics, RevisionProposalProjection proposals, Clock clock) {
    this.sql = sql;
    this.statistics = statistics;
    this.proposals = proposals;
    this.clock = clock;
  }

  @QueryHandler
  public ManagementReport handle(PeriodReport query) {
    Instant from = query.from().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant until = query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    RecoveryPeriod bucket = bucket(query.from(), query.to());
    RecoverySummary recovery =
        statistics.summarize(
            new SummarizeRecoveryInformation(query.from(), query.to(), bucket, null, null));
    String scope = "i.disrupted_at >= ? AND i.disrupted_at < ?";
    Actions actions =
        actions(
            "a.incident_id IN (SELECT incident_id FROM lessons_incident i WHERE "
                + scope
                + ") OR (a.incident_id IS NULL AND a.created_at >= ? AND a.created_at < ?)",
            from,
            until,
            from,
            until);
    List<BiaChange> changes =
        proposals.forIncidentsDisruptedIn(from, until).stream()
            .map(ManagementReports::change)
            .toList();
    String title =
        "Recovery report "
            + (bucket == RecoveryPeriod.MONTH
                    && query.from().getDayOfMonth() == 1
                    && query.to().equals(query.from().plusMonths(1).minusDays(1))
                ? query.from().toString().substring(0, 7)
                : query.from() + " to " + query.to());
    return report(
        Scope.PERIOD,
        query.from(),
        query.to(),
        null,
        title,
        recovery,
        bucket,
        incidents(scope, from, until),
        evaluations(
            "e.incident_id IN (SELECT incident_id FROM lessons_incident i WHERE " + scope + ")",
            from,
            until),
        actions,
        changes);
  }

  @QueryHandler
  public Optional<ManagementReport> handle(IncidentReport query) {
    List<IncidentLine> incidents = incidents("i.incident_id = ?", query.incidentId());
    if (incidents.isEmpty()) {
      return Optional.empty();
    }
    IncidentLine incident = incidents.get(0);
    LocalDate from = LocalDate.ofInstant(incident.disruptedAt(), ZoneOffset.UTC);
    LocalDate to =
        LocalDate.ofInstant(
            incident.closedAt() != null ? incident.closedAt() : clock.instant(), ZoneOffset.UTC);
    RecoverySummary recovery =
        statistics.summarize(
            new SummarizeRecoveryInformation(
                from, to, RecoveryPeriod.MONTH, null, null, query.incidentId()));
    List<BiaChange> changes =
        proposals.forIncidents(List.of(query.incidentId())).stream()
            .map(ManagementReports::change)
            .toList();
    return Optional.of(
        report(
            Scope.INCIDENT,
            from,
            to,
            query.incidentId(),
            "Incident report: "
                + (incident.title() != null ? incident.title() : incident.incidentId()),
            recovery,
            RecoveryPeriod.MONTH,
            incidents,
            evaluations("e.incident_id = ?", query.incidentId()),
            actions("a.incident_id = ?", query.incidentId()),
            changes));
  }

  private ManagementReport report(
      Scope scope,
      LocalDate from,
      LocalDate to,
      String incidentId,
      String title,
      RecoverySummary recovery,
      RecoveryPeriod bucket,
      List<IncidentLine> incidents,
      List<EvaluationDigest> evaluations,
      Actions actions,
      List<BiaChange> changes) {
    Figures total = recovery.total();
    List<ProcessOutcome> processes = recovery.processes().stream().map(this::outcome).toList();
    processes =
        processes.stream()
            .sorted(
                Comparator.comparingInt(ProcessOutcome::rtoBreaches)
                    .thenComparingInt(ProcessOutcome::mtpdBreaches)
                    .thenComparing(
                        p -> p.longestRecovery() == null ? Duration.ZERO : p.longestRecovery())
                    .reversed())
            .toList();
    var notifications = total.notifications();
    Summary summary =
        new Summary(
            (int) total.incidents(),
            (int) total.dismissed(),
            processes.size(),
            (int) total.restoredProcesses(),
            total.rtoMetShare(),
            total.mtpdMetShare(),
            total.rpoMetShare(),
            total.meanTimeToDetect(),
            total.meanTimeToActivate(),
            total.meanTimeToRecover(),
            money(total.costTotals()),
            actions.open(),
            actions.overdue(),
            actions.done(),
            (int) changes.stream().filter(c -> "ACCEPTED".equals(c.status())).count(),
            (int) changes.stream().filter(c -> "REJECTED".equals(c.status())).count(),
            (int) changes.stream().filter(c -> "PROPOSED".equals(c.status())).count());
    Map<String, Long> categories = new LinkedHashMap<>();
    recovery
        .categoriesPerYear()
        .forEach(
            c ->
                categories.merge(
                    c.category() == null ? "UNCLASSIFIED" : c.category(),
                    c.incidents(),
                    Long::sum));
    return new ManagementReport(
        scope,
        from,
        to,
        incidentId,
        title,
        clock.instant(),
        summary,
        processes,
        scope == Scope.PERIOD ? trend(recovery, bucket) : List.of(),
        categories.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> new CategoryCount(e.getKey(), e.getValue().intValue()))
            .toList(),
        total.costsByKind().stream()
            .map(c -> new CostLine(c.kind(), c.amount(), c.currency()))
            .toList(),
        new Notifications(
            (int)
                (notifications.onTime()
                    + notifications.late()
                    + notifications.overdue()
                    + notifications.open()),
            (int) notifications.onTime(),
            (int) notifications.late(),
            (int) notifications.overdue(),
            (int) notifications.open()),
        incidents.stream().limit(LISTED).toList(),
        evaluations.stream().limit(LISTED).toList(),
        actions.listed(),
        changes.stream()
            .sorted(Comparator.comparing((BiaChange c) -> "PROPOSED".equals(c.status())))
            .limit(LISTED * 2L)
            .toList(),
        findings(processes, total));
  }

  /** Months for a year or less, quarters up to three years, years beyond. */
  static RecoveryPeriod bucket(LocalDate from, LocalDate to) {
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days <= 366) {
      return RecoveryPeriod.MONTH;
    }
    return days <= 3 * 366 ? RecoveryPeriod.QUARTER : RecoveryPeriod.YEAR;
  }

  private ProcessOutcome outcome(ProcessFigures p) {
    // A breach is a deadline the clock saw pass, or a restoration that came after the target.
    int rtoBreaches =
        (int) Math.max(p.rtoBreaches(), p.rto() == null ? 0 : p.restored() - p.rtoMet());
    int mtpdBreaches =
        (int) Math.max(p.mtpdBreaches(), p.mtpd() == null ? 0 : p.restored() - p.mtpdMet());
    int rpoBreaches = (int) p.rpoMissed();
    return new ProcessOutcome(
        p.processId(),
        p.name(),
        (int) p.incidents(),
        p.maxRecoveryTime(),
        p.meanRecoveryTime(),
        p.rto(),
        p.mtpd(),
        rtoBreaches,
        mtpdBreaches,
        p.maxDataLoss(),
        p.rpo(),
        rpoBreaches);
  }

  private static List<TrendPoint> trend(RecoverySummary recovery, RecoveryPeriod bucket) {
    List<TrendPoint> trend = new ArrayList<>();
    for (Figures f : recovery.periods()) {
      int met =
          f.rtoMetShare() == null ? 0 : (int) Math.round(f.rtoMetShare() * f.restoredProcesses());
      trend.add(
          new TrendPoint(
              label(f.periodStart(), bucket),
              f.periodStart(),
              (int) f.incidents(),
              (int) f.restoredProcesses(),
              met,
              f.meanTimeToRecover(),
              money(f.costTotals())));
    }
    return trend;
  }

  private static String label(LocalDate start, RecoveryPeriod bucket) {
    return switch (bucket) {
      case MONTH -> start.toString().substring(0, 7);
      case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
      case YEAR -> Integer.toString(start.getYear());
    };
  }

  private static List<Money> money(List<CostSum> sums) {
    return sums.stream()
        .sorted(Comparator.comparing(CostSum::amount).reversed())
        .map(c -> new Money(c.amount(), c.currency()))
        .toList();
  }

  /** The incidents in scope, longest recovery first; merged and dismissed ones left out. */
  private List<IncidentLine> incidents(String where, Object... args) {
    List<IncidentLine> lines =
        sql.list(
            "WITH i AS MATERIALIZED (SELECT i.* FROM lessons_incident i"
                + " WHERE i.merged_into IS NULL AND NOT i.dismissed AND i.disrupted_at IS NOT NULL"
                + " AND "
                + where
                + "), p AS MATERIALIZED (SELECT x.incident_id, MAX(x.restored_at) AS last_restored,"
                + " COUNT(*) FILTER (WHERE x.rto_breached_at IS NOT NULL OR NOT x.rto_met)"
                + " AS breaches FROM lessons_incident_process x JOIN i USING (incident_id)"
                + " GROUP BY x.incident_id)"
                + " SELECT i.incident_id, i.title, i.severity, i.category, i.disrupted_at,"
                + " i.closed_at, EXTRACT(EPOCH FROM COALESCE(i.recovered_at, p.last_restored)"
                + " - i.disrupted_at)::bigint AS recover_seconds,"
                + " COALESCE(p.breaches, 0) AS breaches"
                + " FROM i LEFT JOIN p USING (incident_id)"
                + " ORDER BY breaches DESC, recover_seconds DESC NULLS LAST, i.incident_id"
                + " LIMIT "
                + (LISTED + 1),
            row ->
                new IncidentLine(
                    row.getString("incident_id"),
                    row.getString("title"),
                    row.getString("severity"),
                    row.getString("category"),
                    instant(row, "disrupted_at"),
                    instant(row, "closed_at"),
                    duration(row, "recover_seconds"),
                    row.getInt("breaches"),
                    List.of()),
            args);
    if (lines.isEmpty()) {
      return lines;
    }
    Map<String, List<Money>> costs = new LinkedHashMap<>();
    sql.list(
        "SELECT COALESCE(ci.merged_into, c.incident_id) AS incident_id, c.currency,"
            + " SUM(c.amount) AS amount FROM lessons_incident_cost c"
            + " JOIN lessons_incident ci ON ci.incident_id = c.incident_id"
            + " WHERE COALESCE(ci.merged_into, c.incident_id) = ANY (?)"
            + " GROUP BY 1, 2 ORDER BY 3 DESC",
        row ->
            costs
                .computeIfAbsent(row.getString("incident_id"), k -> new ArrayList<>())
                .add(
                    new Money(
                        RecoveryStatistics.amount(row.getBigDecimal("amount")),
                        row.getString("currency"))),
        lines.stream().map(IncidentLine::incidentId).toList());
    return lines.stream()
        .map(
            l ->
                new IncidentLine(
                    l.incidentId(),
                    l.title(),
                    l.severity(),
                    l.category(),
                    l.disruptedAt(),
                    l.closedAt(),
                    l.timeToRecover(),
                    l.rtoBreaches(),
                    costs.getOrDefault(l.incidentId(), List.of())))
        .toList();
  }

  /** Per incident its final evaluation, or its latest draft when none is final. */
  private List<EvaluationDigest> evaluations(String where, Object... args) {
    return sql.list(
        "SELECT DISTINCT ON (e.incident_id) e.incident_id, e.status, e.content"
            + " FROM lessons_evaluation e WHERE "
            + where
            + " ORDER BY e.incident_id, (e.status = 'FINAL') DESC, e.updated_at DESC"
            + " LIMIT "
            + (LISTED + 1),
        row -> {
          EvaluationContent content =
              Sql.fromJson(row.getString("content"), EvaluationContent.class);
          return new EvaluationDigest(
              row.getString("incident_id"),
              row.getString("status"),
              content.heldOn(),
              content.wentWell(),
              content.causeAndDamage(),
              content.helped(),
              content.hindered());
        },
        args);
  }

  /** The actions in scope counted by state, and the first {@code 2 × LISTED} of them. */
  private record Actions(List<ActionLine> listed, int open, int overdue, int done) {}

  /**
   * The improvement actions in scope: counted in one pass, listed open ones first, the most urgent
   * first, bounded.
   */
  private Actions actions(String where, Object... args) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    int[] counts =
        sql.one(
                "SELECT COUNT(*) FILTER (WHERE a.status IN ('OPEN', 'IN_PROGRESS')) AS open,"
                    + " COUNT(*) FILTER (WHERE a.status IN ('OPEN', 'IN_PROGRESS')"
                    + " AND a.due < ?) AS overdue,"
                    + " COUNT(*) FILTER (WHERE a.status = 'DONE') AS done"
                    + " FROM lessons_improvement_action a WHERE "
                    + where,
                row -> new int[] {row.getInt("open"), row.getInt("overdue"), row.getInt("done")},
                with(today, args))
            .orElseThrow();
    List<ActionLine> listed =
        sql.list(
            "SELECT a.action_id, a.title, a.owner, a.priority, a.status, a.due, a.target_kind,"
                + " a.incident_id, COALESCE(t.name, pt.name, a.target_id) AS target_name"
                + " FROM lessons_improvement_action a"
                + " LEFT JOIN lessons_known_target t ON t.kind = a.target_kind"
                + " AND t.target_id = a.target_id AND t.plan_id = COALESCE(a.target_plan_id, '')"
                + " LEFT JOIN lessons_process_target pt ON a.target_kind = 'PROCESS'"
                + " AND pt.process_id = a.target_id WHERE "
                + where
                + " ORDER BY a.status IN ('DONE', 'WONT_DO'), a.due, a.action_id LIMIT "
                + LISTED * 2,
            row -> {
              LocalDate due = row.getObject("due", LocalDate.class);
              String status = row.getString("status");
              return new ActionLine(
                  row.getString("action_id"),
                  row.getString("title"),
                  row.getString("owner"),
                  row.getString("priority"),
                  status,
                  due,
                  open(status) && due != null && due.isBefore(today),
                  row.getString("target_kind"),
                  row.getString("target_name"),
                  row.getString("incident_id"));
            },
            args);
    return new Actions(listed, counts[0], counts[1], counts[2]);
  }

  private static Object[] with(Object first, Object... rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static boolean open(String status) {
    return "OPEN".equals(status) || "IN_PROGRESS".equals(status);
  }

  private static BiaChange change(RevisionProposalView p) {
    boolean threat = p.kind() == ProposalKind.THREAT_LIKELIHOOD;
    return new BiaChange(
        p.id(),
        p.kind().name(),
        threat
            ? (p.threatName() != null ? p.threatName() : p.threatId())
            : p.processName() != null ? p.processName() : p.processId(),
        threat ? String.valueOf(p.currentLikelihood()) : text(p.currentTarget()),
        threat ? String.valueOf(p.proposedLikelihood()) : text(p.proposedTarget()),
        p.status() == null ? "PROPOSED" : p.status(),
        p.decidedBy(),
        p.decidedAt(),
        p.incidentId());
  }

  private static String text(Duration duration) {
    return duration == null ? null : duration.toString();
  }

  /**
   * What the figures say about the means (the guide's investment question): a process that missed
   * its RTO more than once, or outlasted its MTPD, needs means it does not have (INVEST); a single
   * miss, or lost data beyond the RPO, asks for a better way of working first (IMPROVE); when every
   * recovery met its targets, the means are right (ON_TRACK).
   */
  static List<Finding> findings(List<ProcessOutcome> processes, Figures total) {
    List<Finding> findings = new ArrayList<>();
    for (ProcessOutcome p : processes) {
      String name = p.name() != null ? p.name() : p.processId();
      if (p.mtpdBreaches() > 0 || p.rtoBreaches() > 1) {
        findings.add(
            new Finding(
                "INVEST",
                name
                    + " missed its RTO"
                    + (p.rto() == null ? "" : " of " + readable(p.rto()))
                    + " in "
                    + p.rtoBreaches()
                    + " of "
                    + p.disruptions()
                    + (p.disruptions() == 1 ? " disruption" : " disruptions")
                    + (p.mtpdBreaches() > 0
                        ? " and outlasted its MTPD " + times(p.mtpdBreaches())
                        : "")
                    + " (longest recovery "
                    + readable(p.longestRecovery())
                    + "): faster recovery needs means the organisation does not have yet, or the"
                    + " BIA's targets must change."));
      } else if (p.rtoBreaches() == 1) {
        findings.add(
            new Finding(
                "IMPROVE",
                name
                    + " missed its RTO"
                    + (p.rto() == null ? "" : " of " + readable(p.rto()))
                    + " once (longest recovery "
                    + readable(p.longestRecovery())
                    + "): look at the way of working (plan, exercise, training) before"
                    + " investing."));
      }
      if (p.rpoBreaches() > 0) {
        findings.add(
            new Finding(
                p.rpoBreaches() > 1 ? "INVEST" : "IMPROVE",
                name
                    + " lost more data than its RPO"
                    + (p.rpo() == null ? "" : " of " + readable(p.rpo()))
                    + " allows "
                    + times(p.rpoBreaches())
                    + " (largest loss "
                    + readable(p.largestDataLoss())
                    + "): back up more often, or keep an offline copy."));
      }
    }
    if (findings.isEmpty() && total.restoredProcesses() > 0) {
      findings.add(
          new Finding(
              "ON_TRACK",
              "Every measured recovery met its RTO, MTPD and RPO: the means match what the"
                  + " organisation said it needs."));
    }
    return findings;
  }

  private static String times(int n) {
    return n == 1 ? "once" : n + " times";
  }

  private static String readable(Duration duration) {
    if (duration == null) {
      return "unknown";
    }
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    if (hours >= 48) {
      return duration.toDays() + "d" + (hours % 24 > 0 ? " " + hours % 24 + "h" : "");
    }
    return hours > 0
        ? hours + "h" + (minutes > 0 ? " " + minutes + "m" : "")
        : Math.max(minutes, 0) + "m";
  }
}
