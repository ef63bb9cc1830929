package nl.herstel.lessons.query;

import static nl.herstel.platform.jdbc.Sql.duration;
import static nl.herstel.platform.jdbc.Sql.instant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.herstel.lessons.api.LessonsQueries.IncidentReport;
import nl.herstel.lessons.api.LessonsQueries.PeriodReport;
import nl.herstel.lessons.query.ManagementReport.BiaChange;
import nl.herstel.lessons.query.ManagementReport.Finding;
import nl.herstel.lessons.query.ManagementReport.IncidentLine;
import nl.herstel.lessons.query.ManagementReport.Notifications;
import nl.herstel.lessons.query.ManagementReport.ProcessOutcome;
import nl.herstel.lessons.query.ManagementReport.Scope;
import nl.herstel.lessons.query.ManagementReport.Summary;
import nl.herstel.lessons.query.ManagementReport.TrendPoint;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Reads the management report from lessons-service's read models: a period's incidents are those
 * whose disruption began in it. Each section is one set-based query, so the report over ten
 * thousand incidents costs a handful of index scans, not a loop.
 */
public class ManagementReports {
  private final Sql sql;
  private final Clock clock;

  public ManagementReports(Sql sql, Clock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  @QueryHandler
  public ManagementReport handle(PeriodReport query) {
    Instant from = query.from().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant until = query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<ProcessOutcome> processes =
        processes("r.disrupted_at >= ? AND r.disrupted_at < ?", from, until);
    List<IncidentLine> incidents =
        incidents("r.disrupted_at >= ? AND r.disrupted_at < ?", from, until);
    List<BiaChange> changes = biaChanges("r.disrupted_at >= ? AND r.disrupted_at < ?", from, until);
    return new ManagementReport(
        Scope.PERIOD,
        query.from(),
        query.to(),
        null,
        "Recovery report " + query.from() + " to " + query.to(),
        clock.instant(),
        summary(incidents, processes, changes),
        processes,
        List.of(),
        List.of(),
        List.of(),
        new Notifications(0, 0, 0, 0, 0),
        incidents,
        List.of(),
        List.of(),
        changes,
        findings(processes));
  }

  @QueryHandler
  public Optional<ManagementReport> handle(IncidentReport query) {
    List<IncidentLine> incidents = incidents("r.incident_id = ?", query.incidentId());
    if (incidents.isEmpty()) {
      return Optional.empty();
    }
    IncidentLine incident = incidents.get(0);
    List<ProcessOutcome> processes = processes("r.incident_id = ?", query.incidentId());
    List<BiaChange> changes = biaChanges("r.incident_id = ?", query.incidentId());
    LocalDate from = LocalDate.ofInstant(incident.disruptedAt(), ZoneOffset.UTC);
    LocalDate to =
        LocalDate.ofInstant(
            incident.closedAt() != null ? incident.closedAt() : clock.instant(), ZoneOffset.UTC);
    return Optional.of(
        new ManagementReport(
            Scope.INCIDENT,
            from,
            to,
            query.incidentId(),
            "Incident report: "
                + (incident.title() != null ? incident.title() : incident.incidentId()),
            clock.instant(),
            summary(incidents, processes, changes),
            processes,
            List.<TrendPoint>of(),
            List.of(),
            List.of(),
            new Notifications(0, 0, 0, 0, 0),
            incidents,
            List.of(),
            List.of(),
            changes,
            findings(processes)));
  }

  private List<IncidentLine> incidents(String where, Object... args) {
    return sql.list(
        "SELECT r.incident_id, r.title, r.severity, r.disrupted_at, r.closed_at,"
            + " max(p.actual_seconds) AS recover_seconds,"
            + " count(*) FILTER (WHERE p.verdict IN ('RTO_BREACHED', 'MTPD_BREACHED')) AS breaches"
            + " FROM lessons_review r LEFT JOIN lessons_review_process p"
            + " ON p.incident_id = r.incident_id WHERE "
            + where
            + " GROUP BY r.incident_id ORDER BY r.disrupted_at, r.incident_id",
        row ->
            new IncidentLine(
                row.getString("incident_id"),
                row.getString("title"),
                row.getString("severity"),
                null,
                instant(row, "disrupted_at"),
                instant(row, "closed_at"),
                duration(row, "recover_seconds"),
                row.getInt("breaches"),
                List.of()),
        args);
  }

  private List<ProcessOutcome> processes(String where, Object... args) {
    return sql.list(
        "SELECT p.process_id, max(p.name) AS name, count(*) AS disruptions,"
            + " max(p.actual_seconds) AS longest, avg(p.actual_seconds)::bigint AS mean,"
            + " (array_agg(p.rto_seconds ORDER BY r.disrupted_at DESC))[1] AS rto,"
            + " (array_agg(p.mtpd_seconds ORDER BY r.disrupted_at DESC))[1] AS mtpd,"
            + " count(*) FILTER (WHERE p.verdict IN ('RTO_BREACHED', 'MTPD_BREACHED'))"
            + " AS rto_breaches,"
            + " count(*) FILTER (WHERE p.verdict = 'MTPD_BREACHED') AS mtpd_breaches"
            + " FROM lessons_review_process p JOIN lessons_review r"
            + " ON r.incident_id = p.incident_id WHERE "
            + where
            + " GROUP BY p.process_id ORDER BY rto_breaches DESC, longest DESC, p.process_id",
        row ->
            new ProcessOutcome(
                row.getString("process_id"),
                row.getString("name"),
                row.getInt("disruptions"),
                duration(row, "longest"),
                duration(row, "mean"),
                duration(row, "rto"),
                duration(row, "mtpd"),
                row.getInt("rto_breaches"),
                row.getInt("mtpd_breaches"),
                null,
                null,
                0),
        args);
  }

  private List<BiaChange> biaChanges(String where, Object... args) {
    return sql.list(
        "SELECT x.proposal_id, x.process_id, x.process_name, x.current_rto_seconds,"
            + " x.proposed_rto_seconds, x.incident_id FROM lessons_revision_proposal x"
            + " JOIN lessons_review r ON r.incident_id = x.incident_id WHERE "
            + where
            + " ORDER BY x.proposed_at, x.proposal_id",
        row ->
            new BiaChange(
                row.getString("proposal_id"),
                "RTO",
                row.getString("process_name") != null
                    ? row.getString("process_name")
                    : row.getString("process_id"),
                String.valueOf(duration(row, "current_rto_seconds")),
                String.valueOf(duration(row, "proposed_rto_seconds")),
                "PROPOSED",
                null,
                null,
                row.getString("incident_id")),
        args);
  }

  private static Summary summary(
      List<IncidentLine> incidents, List<ProcessOutcome> processes, List<BiaChange> changes) {
    int restorations = processes.stream().mapToInt(ProcessOutcome::disruptions).sum();
    int rtoBreaches = processes.stream().mapToInt(ProcessOutcome::rtoBreaches).sum();
    int mtpdBreaches = processes.stream().mapToInt(ProcessOutcome::mtpdBreaches).sum();
    List<Duration> recoveries =
        incidents.stream().map(IncidentLine::timeToRecover).filter(d -> d != null).toList();
    Duration meanRecovery =
        recoveries.isEmpty()
            ? null
            : Duration.ofSeconds(
                Math.round(recoveries.stream().mapToLong(Duration::toSeconds).average().orElse(0)));
    return new Summary(
        incidents.size(),
        0,
        processes.size(),
        restorations,
        restorations == 0 ? null : (restorations - rtoBreaches) / (double) restorations,
        restorations == 0 ? null : (restorations - mtpdBreaches) / (double) restorations,
        null,
        null,
        null,
        meanRecovery,
        List.of(),
        0,
        0,
        0,
        (int) changes.stream().filter(c -> "ACCEPTED".equals(c.status())).count(),
        (int) changes.stream().filter(c -> "REJECTED".equals(c.status())).count(),
        (int) changes.stream().filter(c -> "PROPOSED".equals(c.status())).count());
  }

  /**
   * What the figures say about the means: a process that keeps missing its RTO needs investment.
   */
  static List<Finding> findings(List<ProcessOutcome> processes) {
    List<Finding> findings = new ArrayList<>();
    for (ProcessOutcome p : processes) {
      if (p.rtoBreaches() == 0) {
        continue;
      }
      String name = p.name() != null ? p.name() : p.processId();
      findings.add(
          new Finding(
              p.rtoBreaches() > 1 || p.mtpdBreaches() > 0 ? "INVEST" : "IMPROVE",
              name
                  + " missed its RTO in "
                  + p.rtoBreaches()
                  + " of "
                  + p.disruptions()
                  + (p.disruptions() == 1 ? " recovery" : " recoveries")
                  + "."));
    }
    return findings;
  }
}
