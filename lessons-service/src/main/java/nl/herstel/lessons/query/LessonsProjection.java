package nl.herstel.lessons.query;

import static nl.herstel.platform.jdbc.Sql.duration;
import static nl.herstel.platform.jdbc.Sql.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.lessons.api.LessonsEvents.IncidentReviewOpened;
import nl.herstel.lessons.api.LessonsEvents.RecoveryMeasured;
import nl.herstel.lessons.api.LessonsQueries.FindRecoveryInformation;
import nl.herstel.lessons.api.LessonsQueries.ListRecoveryInformation;
import nl.herstel.lessons.api.Verdict;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.rest.Page;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The recovery information read model in PostgreSQL: incident reviews and the measured recovery per
 * process, with the revision proposals {@link RevisionProposalProjection} keeps. Its rows commit in
 * the same transaction as the processor's token, so no event is applied twice.
 */
@ProcessingGroup("lessons-read-model")
public class LessonsProjection {
  private final Sql sql;
  private final RevisionProposalProjection proposals;

  public LessonsProjection(Sql sql, RevisionProposalProjection proposals) {
    this.sql = sql;
    this.proposals = proposals;
  }

  @EventHandler
  void on(IncidentReviewOpened e, @org.axonframework.eventhandling.Timestamp Instant at) {
    sql.update(
        "INSERT INTO lessons_review"
            + " (incident_id, title, severity, summary, disrupted_at, closed_at, reviewed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        e.title(),
        e.severity() == null ? null : e.severity().name(),
        e.summary(),
        e.disruptedAt(),
        e.closedAt(),
        at);
  }

  @EventHandler
  void on(RecoveryMeasured e) {
    sql.update(
        "INSERT INTO lessons_review_process (incident_id, process_id, name, restored_at,"
            + " actual_seconds, rto_seconds, mtpd_seconds, verdict)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        e.processId(),
        e.processName(),
        e.restoredAt(),
        e.actualRecoveryTime(),
        e.rto(),
        e.mtpd(),
        e.verdict() == null ? null : e.verdict().name());
  }

  @QueryHandler
  public Optional<RecoveryInformationView> find(FindRecoveryInformation query) {
    return reviews("SELECT * FROM lessons_review WHERE incident_id = ?", query.incidentId())
        .stream()
        .findFirst();
  }

  @QueryHandler
  public List<RecoveryInformationView> list(ListRecoveryInformation query) {
    if (query.after() == null) {
      return reviews(
          "SELECT * FROM lessons_review ORDER BY closed_at DESC, incident_id LIMIT ?",
          query.limit() + 1);
    }
    List<Object> key = Page.parse(query.after(), 2, k -> List.of(Instant.parse(k[0]), k[1]));
    return reviews(
        "SELECT * FROM lessons_review WHERE closed_at < ? OR closed_at = ? AND incident_id > ?"
            + " ORDER BY closed_at DESC, incident_id LIMIT ?",
        key.get(0),
        key.get(0),
        key.get(1),
        query.limit() + 1);
  }

  /** The sort key of recovery information in {@link ListRecoveryInformation}, for its cursor. */
  public static String key(RecoveryInformationView information) {
    return Page.key(information.closedAt(), information.incidentId());
  }

  private List<RecoveryInformationView> reviews(String query, Object... args) {
    Map<String, ReviewRow> reviews = new LinkedHashMap<>();
    sql.list(
            query,
            r -> {
              String severity = r.getString("severity");
              return new ReviewRow(
                  r.getString("incident_id"),
                  r.getString("title"),
                  severity == null ? null : Severity.valueOf(severity),
                  r.getString("summary"),
                  instant(r, "disrupted_at"),
                  instant(r, "closed_at"));
            },
            args)
        .forEach(review -> reviews.put(review.incidentId(), review));
    if (reviews.isEmpty()) {
      return List.of();
    }
    List<String> ids = List.copyOf(reviews.keySet());
    sql.list(
            "SELECT * FROM lessons_review_process WHERE incident_id = ANY (?)"
                + " ORDER BY restored_at, process_id",
            r -> {
              String verdict = r.getString("verdict");
              return Map.entry(
                  r.getString("incident_id"),
                  new ProcessRecoveryView(
                      r.getString("process_id"),
                      r.getString("name"),
                      instant(r, "restored_at"),
                      duration(r, "rto_seconds"),
                      duration(r, "mtpd_seconds"),
                      duration(r, "actual_seconds"),
                      verdict == null ? null : Verdict.valueOf(verdict)));
            },
            ids)
        .forEach(e -> reviews.get(e.getKey()).processes().add(e.getValue()));
    for (RevisionProposalView proposal : proposals.forIncidents(ids)) {
      reviews.get(proposal.incidentId()).proposals().add(proposal);
    }
    return reviews.values().stream().map(ReviewRow::view).toList();
  }

  /** A review being assembled from its rows. */
  private record ReviewRow(
      String incidentId,
      String title,
      Severity severity,
      String summary,
      Instant disruptedAt,
      Instant closedAt,
      List<ProcessRecoveryView> processes,
      List<RevisionProposalView> proposals) {
    ReviewRow(
        String incidentId,
        String title,
        Severity severity,
        String summary,
        Instant disruptedAt,
        Instant closedAt) {
      this(
          incidentId,
          title,
          severity,
          summary,
          disruptedAt,
          closedAt,
          new ArrayList<>(),
          new ArrayList<>());
    }

    RecoveryInformationView view() {
      return new RecoveryInformationView(
          incidentId,
          title,
          severity,
          summary,
          disruptedAt,
          closedAt,
          List.copyOf(processes),
          List.copyOf(proposals));
    }
  }
}
