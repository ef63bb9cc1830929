package nl.herstel.lessons.query;

import static nl.herstel.platform.jdbc.Sql.duration;
import static nl.herstel.platform.jdbc.Sql.instant;

import com.fasterxml.jackson.databind.JavaType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.contracts.lessons.Evidence;
import nl.herstel.contracts.lessons.ThreatLikelihoodProposed.Occurrence;
import nl.herstel.lessons.api.LessonsEvents.RevisionProposed;
import nl.herstel.lessons.api.LessonsEvents.TargetRevisionProposed;
import nl.herstel.lessons.api.LessonsEvents.ThreatLikelihoodProposed;
import nl.herstel.lessons.api.LessonsQueries.ListBiaChanges;
import nl.herstel.lessons.api.LessonsQueries.ListRevisionProposals;
import nl.herstel.lessons.api.ProposalKind;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.rest.Page;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The revision proposals lessons made ({@code lessons_revision_proposal}), with the fate
 * bia-service reported for each ({@code lessons_revision_fate}, kept by the Kafka consumer). It
 * runs in the recovery information's processor, after the review each proposal belongs to.
 */
@ProcessingGroup("lessons-read-model")
public class RevisionProposalProjection {
  private static final JavaType EVIDENCE =
      Sql.JSON.getTypeFactory().constructCollectionType(List.class, Evidence.class);
  private static final JavaType OCCURRENCES =
      Sql.JSON.getTypeFactory().constructCollectionType(List.class, Occurrence.class);
  private static final String SELECT =
      "SELECT p.*, f.accepted, f.decided_by, f.decided_at, f.reason AS decision_reason"
          + " FROM lessons_revision_proposal p"
          + " LEFT JOIN lessons_revision_fate f ON f.proposal_id = p.proposal_id";

  private final Sql sql;

  public RevisionProposalProjection(Sql sql) {
    this.sql = sql;
  }

  @EventHandler
  void on(TargetRevisionProposed e, @Timestamp Instant at) {
    insert(
        e.proposalId(),
        ProposalKind.RTO,
        e.incidentId(),
        e.processId(),
        e.processName(),
        new Object[] {e.currentRto(), e.actualRecoveryTime(), e.proposedRto()},
        e.currentRto(),
        e.proposedRto(),
        List.of(
            new Evidence(e.incidentId(), "RECOVERY_TIME", e.actualRecoveryTime(), e.currentRto())),
        e.rationale(),
        at);
  }

  @EventHandler
  void on(RevisionProposed e, @Timestamp Instant at) {
    insert(
        e.proposalId(),
        ProposalKind.valueOf(e.kind().name()),
        e.incidentId(),
        e.processId(),
        e.processName(),
        new Object[] {null, null, null},
        e.currentTarget(),
        e.proposedTarget(),
        e.evidence(),
        e.rationale(),
        at);
  }

  /** A threat's likelihood proposal: no process, the threat and the incidents counted. */
  @EventHandler
  void on(ThreatLikelihoodProposed e, @Timestamp Instant at) {
    sql.update(
        "INSERT INTO lessons_revision_proposal (proposal_id, incident_id, rationale, proposed_at,"
            + " kind, evidence, threat_id, threat_name, category, current_likelihood,"
            + " proposed_likelihood, occurrences) VALUES (?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (proposal_id) DO NOTHING",
        e.proposalId(),
        e.incidentId(),
        e.rationale(),
        at,
        ProposalKind.THREAT_LIKELIHOOD,
        e.threatId(),
        e.threatName(),
        e.category(),
        e.currentLikelihood(),
        e.proposedLikelihood(),
        Sql.json(e.incidents()));
  }

  private void insert(
      String proposalId,
      ProposalKind kind,
      String incidentId,
      String processId,
      String processName,
      Object[] rto,
      Object currentTarget,
      Object proposedTarget,
      List<Evidence> evidence,
      String rationale,
      Instant at) {
    sql.update(
        "INSERT INTO lessons_revision_proposal (proposal_id, incident_id, process_id,"
            + " process_name, current_rto_seconds, actual_seconds, proposed_rto_seconds,"
            + " rationale, proposed_at, kind, current_target_seconds, proposed_target_seconds,"
            + " evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        proposalId,
        incidentId,
        processId,
        processName,
        rto[0],
        rto[1],
        rto[2],
        rationale,
        at,
        kind,
        currentTarget,
        proposedTarget,
        Sql.json(evidence));
  }

  /** The proposals, newest first, a page at a time. */
  @QueryHandler
  public List<RevisionProposalView> list(ListRevisionProposals query) {
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> args = new ArrayList<>();
    if (query.status() != null) {
      where.append(
          switch (query.status()) {
            case "ACCEPTED" -> " AND f.accepted";
            case "REJECTED" -> " AND NOT f.accepted";
            default -> " AND f.proposal_id IS NULL";
          });
    }
    if (query.kind() != null) {
      where.append(" AND p.kind = ?");
      args.add(query.kind());
    }
    if (query.processId() != null) {
      where.append(" AND p.process_id = ?");
      args.add(query.processId());
    }
    if (query.incidentId() != null) {
      where.append(" AND p.incident_id = ?");
      args.add(query.incidentId());
    }
    if (query.afterProposedAt() != null) {
      where.append(" AND (p.proposed_at, p.proposal_id) < (?, ?)");
      args.add(query.afterProposedAt());
      args.add(query.afterId());
    }
    args.add(query.limit() + 1);
    return sql.list(
        SELECT + where + " ORDER BY p.proposed_at DESC, p.proposal_id DESC LIMIT ?",
        this::row,
        args.toArray());
  }

  /** Which lessons changed the BIA in a period (for the management report). */
  @QueryHandler
  public List<BiaChangeView> changes(ListBiaChanges query) {
    List<Object> args = new ArrayList<>(List.of(query.from(), query.to()));
    String after = "";
    if (query.after() != null) {
      args.addAll(Page.parse(query.after(), 2, k -> List.of(Instant.parse(k[0]), k[1])));
      after = " AND (f.decided_at, p.proposal_id) > (?, ?)";
    }
    args.add(query.limit() + 1);
    return sql.list(
        SELECT
            + " WHERE f.decided_at >= ? AND f.decided_at < ?"
            + after
            + " ORDER BY f.decided_at, p.proposal_id LIMIT ?",
        r -> {
          RevisionProposalView p = row(r);
          return new BiaChangeView(
              p.id(),
              p.incidentId(),
              p.processId(),
              p.processName(),
              p.kind(),
              p.currentTarget(),
              p.proposedTarget(),
              "ACCEPTED".equals(p.status()),
              p.decidedBy(),
              p.decidedAt(),
              p.decisionReason(),
              p.threatId(),
              p.threatName(),
              p.currentLikelihood(),
              p.proposedLikelihood());
        },
        args.toArray());
  }

  /** The sort key of a change in {@link ListBiaChanges}, for its cursor. */
  public static String changeKey(BiaChangeView change) {
    return Page.key(change.decidedAt(), change.proposalId());
  }

  /** The proposals of some incidents, oldest first, for their recovery information. */
  /**
   * The proposals that came from the incidents disrupted in [{@code from}, {@code to}), decided or
   * not, in the order they were made: what a period's incidents taught the BIA.
   */
  public List<RevisionProposalView> forIncidentsDisruptedIn(Instant from, Instant to) {
    return sql.list(
        SELECT
            + " WHERE p.incident_id IN (SELECT incident_id FROM lessons_incident"
            + " WHERE disrupted_at >= ? AND disrupted_at < ?)"
            + " ORDER BY p.proposed_at, p.proposal_id",
        this::row,
        from,
        to);
  }

  public List<RevisionProposalView> forIncidents(List<String> incidentIds) {
    return sql.list(
        SELECT + " WHERE p.incident_id = ANY (?) ORDER BY p.proposed_at, p.process_id, p.kind",
        this::row,
        incidentIds);
  }

  private RevisionProposalView row(ResultSet r) throws SQLException {
    Boolean accepted = Sql.bool(r, "accepted");
    return new RevisionProposalView(
        r.getString("proposal_id"),
        r.getString("incident_id"),
        r.getString("process_id"),
        r.getString("process_name"),
        duration(r, "current_rto_seconds"),
        duration(r, "actual_seconds"),
        duration(r, "proposed_rto_seconds"),
        r.getString("rationale"),
        instant(r, "proposed_at"),
        ProposalKind.valueOf(r.getString("kind")),
        duration(r, "current_target_seconds"),
        duration(r, "proposed_target_seconds"),
        evidence(r.getString("evidence")),
        accepted == null ? "PROPOSED" : accepted ? "ACCEPTED" : "REJECTED",
        r.getString("decided_by"),
        instant(r, "decided_at"),
        r.getString("decision_reason"),
        r.getString("threat_id"),
        r.getString("threat_name"),
        r.getString("category"),
        (Integer) r.getObject("current_likelihood", Integer.class),
        (Integer) r.getObject("proposed_likelihood", Integer.class),
        occurrences(r.getString("occurrences")));
  }

  private static List<Occurrence> occurrences(String json) {
    return json == null ? null : Sql.fromJson(json, OCCURRENCES);
  }

  private static List<Evidence> evidence(String json) {
    List<Evidence> evidence = Sql.fromJson(json, EVIDENCE);
    return evidence == null ? List.of() : evidence;
  }
}
