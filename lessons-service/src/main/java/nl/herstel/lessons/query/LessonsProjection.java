package nl.herstel.lessons.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.lessons.api.LessonsEvents.IncidentReviewOpened;
import nl.herstel.lessons.api.LessonsEvents.RecoveryMeasured;
import nl.herstel.lessons.api.LessonsEvents.TargetRevisionProposed;
import nl.herstel.lessons.api.LessonsQueries.FindRecoveryInformation;
import nl.herstel.lessons.api.LessonsQueries.ListRecoveryInformation;
import nl.herstel.lessons.api.LessonsQueries.ListRevisionProposals;
import nl.herstel.lessons.api.Verdict;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The recovery information read model in PostgreSQL: incident reviews, the measured recovery per
 * process and the revision proposals. Its rows commit in the same transaction as the processor's
 * token, so no event is applied twice.
 */
@ProcessingGroup("lessons-read-model")
public class LessonsProjection {
  private final JdbcTransactions db;

  public LessonsProjection(JdbcTransactions db) {
    this.db = db;
  }

  @EventHandler
  void on(IncidentReviewOpened e, @org.axonframework.eventhandling.Timestamp Instant at) {
    update(
        "INSERT INTO lessons_review"
            + " (incident_id, title, severity, summary, disrupted_at, closed_at, reviewed_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        e.title(),
        e.severity() == null ? null : e.severity().name(),
        e.summary(),
        Timestamp.from(e.disruptedAt()),
        Timestamp.from(e.closedAt()),
        Timestamp.from(at));
  }

  @EventHandler
  void on(RecoveryMeasured e) {
    update(
        "INSERT INTO lessons_review_process (incident_id, process_id, name, restored_at,"
            + " actual_seconds, rto_seconds, mtpd_seconds, verdict)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        e.incidentId(),
        e.processId(),
        e.processName(),
        Timestamp.from(e.restoredAt()),
        e.actualRecoveryTime().toSeconds(),
        seconds(e.rto()),
        seconds(e.mtpd()),
        e.verdict() == null ? null : e.verdict().name());
  }

  @EventHandler
  void on(TargetRevisionProposed e, @org.axonframework.eventhandling.Timestamp Instant at) {
    update(
        "INSERT INTO lessons_revision_proposal (proposal_id, incident_id, process_id,"
            + " process_name, current_rto_seconds, actual_seconds, proposed_rto_seconds,"
            + " rationale, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.proposalId(),
        e.incidentId(),
        e.processId(),
        e.processName(),
        e.currentRto().toSeconds(),
        e.actualRecoveryTime().toSeconds(),
        e.proposedRto().toSeconds(),
        e.rationale(),
        Timestamp.from(at));
  }

  @QueryHandler
  public Optional<RecoveryInformationView> find(FindRecoveryInformation query) {
    return reviews("SELECT * FROM lessons_review WHERE incident_id = ?", query.incidentId())
        .stream()
        .findFirst();
  }

  @QueryHandler
  public List<RecoveryInformationView> list(ListRecoveryInformation query) {
    return reviews("SELECT * FROM lessons_review ORDER BY closed_at DESC, incident_id");
  }

  @QueryHandler
  public List<RevisionProposalView> list(ListRevisionProposals query) {
    try (Connection c = db.getConnection()) {
      return proposals(
          c, "SELECT * FROM lessons_revision_proposal ORDER BY proposed_at DESC, proposal_id");
    } catch (SQLException e) {
      throw new DataAccessException("Could not read revision proposals", e);
    }
  }

  private List<RecoveryInformationView> reviews(String sql, Object... args) {
    Map<String, ReviewRow> reviews = new LinkedHashMap<>();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(sql)) {
        bind(s, args);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            String severity = r.getString("severity");
            reviews.put(
                r.getString("incident_id"),
                new ReviewRow(
                    r.getString("incident_id"),
                    r.getString("title"),
                    severity == null ? null : Severity.valueOf(severity),
                    r.getString("summary"),
                    r.getTimestamp("disrupted_at").toInstant(),
                    r.getTimestamp("closed_at").toInstant()));
          }
        }
      }
      if (reviews.isEmpty()) {
        return List.of();
      }
      Object[] ids = reviews.keySet().toArray();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT * FROM lessons_review_process WHERE incident_id = ANY (?)"
                  + " ORDER BY restored_at, process_id")) {
        s.setArray(1, c.createArrayOf("varchar", ids));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            String verdict = r.getString("verdict");
            reviews
                .get(r.getString("incident_id"))
                .processes()
                .add(
                    new ProcessRecoveryView(
                        r.getString("process_id"),
                        r.getString("name"),
                        r.getTimestamp("restored_at").toInstant(),
                        duration(r, "rto_seconds"),
                        duration(r, "mtpd_seconds"),
                        duration(r, "actual_seconds"),
                        verdict == null ? null : Verdict.valueOf(verdict)));
          }
        }
      }
      for (RevisionProposalView proposal :
          proposals(
              c,
              "SELECT * FROM lessons_revision_proposal WHERE incident_id = ANY (?)"
                  + " ORDER BY proposed_at, process_id",
              (Object) c.createArrayOf("varchar", ids))) {
        reviews.get(proposal.incidentId()).proposals().add(proposal);
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read recovery information", e);
    }
    return reviews.values().stream().map(ReviewRow::view).toList();
  }

  private static List<RevisionProposalView> proposals(Connection c, String sql, Object... args)
      throws SQLException {
    List<RevisionProposalView> proposals = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          proposals.add(
              new RevisionProposalView(
                  r.getString("proposal_id"),
                  r.getString("incident_id"),
                  r.getString("process_id"),
                  r.getString("process_name"),
                  duration(r, "current_rto_seconds"),
                  duration(r, "actual_seconds"),
                  duration(r, "proposed_rto_seconds"),
                  r.getString("rationale"),
                  r.getTimestamp("proposed_at").toInstant()));
        }
      }
    }
    return proposals;
  }

  private void update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException("Could not update the lessons read model", e);
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }

  private static Long seconds(Duration d) {
    return d == null ? null : d.toSeconds();
  }

  private static Duration duration(ResultSet r, String column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? null : Duration.ofSeconds(value);
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
