package nl.herstel.bia.query;

import static nl.herstel.platform.jdbc.Sql.duration;
import static nl.herstel.platform.jdbc.Sql.instant;

import com.fasterxml.jackson.databind.JavaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.herstel.bia.api.BiaEvents.TargetRevisionDecided;
import nl.herstel.bia.api.BiaEvents.TargetRevisionProposed;
import nl.herstel.bia.api.BiaQueries.FindRevision;
import nl.herstel.bia.api.BiaQueries.ListRevisions;
import nl.herstel.bia.api.RevisionEvidence;
import nl.herstel.bia.api.RevisionKind;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.rest.Page;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Target revisions ({@code bia_revision}): proposals to change a process's RTO, MTPD or RPO, from
 * lessons-service after an incident (with its evidence) or by hand, and the decision on each.
 */
@ProcessingGroup(ProcessProjection.READ_MODEL)
public class RevisionProjection {
  private static final JavaType EVIDENCE =
      Sql.JSON.getTypeFactory().constructCollectionType(List.class, RevisionEvidence.class);

  private final Sql sql;

  public RevisionProjection(Sql sql) {
    this.sql = sql;
  }

  @EventHandler
  void on(TargetRevisionProposed e, @Timestamp Instant at) {
    sql.update(
        "INSERT INTO bia_revision (revision_id, process_id, incident_id, current_rto_seconds,"
            + " actual_seconds, proposed_rto_seconds, rationale, proposed_by, status, proposed_at,"
            + " proposed_mtpd_seconds, kind, current_target_seconds, proposed_rpo_seconds,"
            + " evidence, proposal_id, threat_id, current_likelihood, proposed_likelihood)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.revisionId(),
        e.processId(),
        e.incidentId(),
        Sql.seconds(e.currentRto()),
        Sql.seconds(e.actualRecoveryTime()),
        Sql.seconds(e.proposedRto()),
        e.rationale(),
        e.proposedBy(),
        at,
        Sql.seconds(e.proposedMtpd()),
        e.kind(),
        Sql.seconds(e.currentTarget()),
        Sql.seconds(e.proposedRpo()),
        Sql.json(e.evidence()),
        e.proposalId(),
        e.threatId(),
        e.currentLikelihood(),
        e.proposedLikelihood());
  }

  @EventHandler
  void on(
      TargetRevisionDecided e,
      @Timestamp Instant at,
      @MetaDataValue("principal") String principal) {
    sql.update(
        "UPDATE bia_revision SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?"
            + " WHERE revision_id = ?",
        e.accepted() ? "ACCEPTED" : "REJECTED",
        principal,
        at,
        e.reason(),
        e.revisionId());
  }

  @QueryHandler
  public List<RevisionView> list(ListRevisions query) {
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> args = new ArrayList<>();
    if (query.status() != null) {
      where.append(" AND status = ?");
      args.add(query.status());
    }
    if (query.after() != null) {
      args.addAll(Page.parse(query.after(), 2, k -> List.of(Instant.parse(k[0]), k[1])));
      where.append(" AND (proposed_at, revision_id) > (?, ?)");
    }
    args.add(query.limit() + 1);
    return revisions(
        "SELECT * FROM bia_revision" + where + " ORDER BY proposed_at, revision_id LIMIT ?",
        args.toArray());
  }

  /** The sort key of a revision in {@link ListRevisions}, for its cursor. */
  public static String key(RevisionView revision) {
    return Page.key(revision.proposedAt(), revision.id());
  }

  @QueryHandler
  public Optional<RevisionView> find(FindRevision query) {
    return revisions("SELECT * FROM bia_revision WHERE revision_id = ?", query.revisionId())
        .stream()
        .findFirst();
  }

  private List<RevisionView> revisions(String query, Object... args) {
    return sql.list(
        query,
        r ->
            new RevisionView(
                r.getString("revision_id"),
                r.getString("process_id"),
                r.getString("incident_id"),
                duration(r, "current_rto_seconds"),
                duration(r, "actual_seconds"),
                duration(r, "proposed_rto_seconds"),
                r.getString("rationale"),
                r.getString("proposed_by"),
                r.getString("status"),
                instant(r, "proposed_at"),
                duration(r, "proposed_mtpd_seconds"),
                r.getString("decided_by"),
                instant(r, "decided_at"),
                r.getString("decision_reason"),
                RevisionKind.valueOf(r.getString("kind")),
                duration(r, "current_target_seconds"),
                duration(r, "proposed_rpo_seconds"),
                evidence(r.getString("evidence")),
                r.getString("proposal_id"),
                r.getString("threat_id"),
                (Integer) r.getObject("current_likelihood", Integer.class),
                (Integer) r.getObject("proposed_likelihood", Integer.class)),
        args);
  }

  private static List<RevisionEvidence> evidence(String json) {
    List<RevisionEvidence> evidence = Sql.fromJson(json, EVIDENCE);
    return evidence == null ? List.of() : evidence;
  }
}
