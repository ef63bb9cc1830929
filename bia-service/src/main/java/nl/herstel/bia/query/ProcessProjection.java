package nl.herstel.bia.query;

import static nl.herstel.platform.jdbc.Sql.duration;
import static nl.herstel.platform.jdbc.Sql.instant;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.bia.api.BiaEvents.ProcessDetailsChanged;
import nl.herstel.bia.api.BiaEvents.ProcessRegistered;
import nl.herstel.bia.api.BiaEvents.ProcessRetired;
import nl.herstel.bia.api.BiaEvents.ProcessReviewed;
import nl.herstel.bia.api.BiaEvents.RecoveryTargetsSet;
import nl.herstel.bia.api.BiaQueries.FindProcess;
import nl.herstel.bia.api.BiaQueries.ListProcesses;
import nl.herstel.bia.api.BiaQueries.OverdueReviews;
import nl.herstel.bia.api.BiaQueries.TargetHistory;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.rest.Page;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The business processes of the read model ({@code bia_process}): their details, recovery targets
 * (MTPD, RTO, RPO; see DOMAIN.md) with the history of every change to them, retirement and reviews.
 * Its rows commit in the same transaction as the processor's token, so no event is applied twice.
 */
@ProcessingGroup(ProcessProjection.READ_MODEL)
public class ProcessProjection {
  /** The tracking processor of every BIA projection: one token for the whole read model. */
  public static final String READ_MODEL = "bia-read-model";

  private final Sql sql;

  public ProcessProjection(Sql sql) {
    this.sql = sql;
  }

  @EventHandler
  void on(
      ProcessRegistered e,
      @Timestamp Instant at,
      @SequenceNumber Long seq,
      @MetaDataValue("principal") String principal,
      @MetaDataValue("role") String role) {
    GraphVersion.bump(sql);
    history(
        e.processId(),
        seq,
        e.mtpd(),
        e.rto(),
        e.rpo(),
        "REGISTRATION",
        null,
        "Registered with the process",
        principal,
        role,
        at);
    sql.update(
        "INSERT INTO bia_process (process_id, name, description, critical, crown_jewel, owner,"
            + " mtpd_seconds, rto_seconds, rpo_seconds, status, registered_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)",
        e.processId(),
        e.name(),
        e.description(),
        e.critical(),
        e.crownJewel(),
        e.owner(),
        e.mtpd(),
        e.rto(),
        Sql.seconds(e.rpo()),
        at,
        seq);
  }

  @EventHandler
  void on(
      RecoveryTargetsSet e,
      @Timestamp Instant at,
      @SequenceNumber Long seq,
      @MetaDataValue("principal") String principal,
      @MetaDataValue("role") String role) {
    GraphVersion.bump(sql);
    history(
        e.processId(),
        seq,
        e.mtpd(),
        e.rto(),
        e.rpo(),
        e.source().name(),
        e.revisionId(),
        e.reason(),
        principal,
        role,
        at);
    sql.update(
        "UPDATE bia_process SET mtpd_seconds = ?, rto_seconds = ?, rpo_seconds = ?, version = ?"
            + " WHERE process_id = ?",
        e.mtpd(),
        e.rto(),
        Sql.seconds(e.rpo()),
        seq,
        e.processId());
  }

  @EventHandler
  void on(ProcessRetired e, @Timestamp Instant at, @SequenceNumber Long seq) {
    GraphVersion.bump(sql);
    sql.update(
        "UPDATE bia_process SET status = 'RETIRED', retired_at = ?, retirement_reason = ?,"
            + " version = ? WHERE process_id = ?",
        at,
        e.reason(),
        seq,
        e.processId());
  }

  @EventHandler
  void on(ProcessDetailsChanged e, @SequenceNumber Long seq) {
    GraphVersion.bump(sql);
    sql.update(
        "UPDATE bia_process SET name = ?, description = ?, critical = ?, crown_jewel = ?,"
            + " owner = ?, version = ? WHERE process_id = ?",
        e.name(),
        e.description(),
        e.critical(),
        e.crownJewel(),
        e.owner(),
        seq,
        e.processId());
  }

  @EventHandler
  void on(
      ProcessReviewed e, @SequenceNumber Long seq, @MetaDataValue("principal") String principal) {
    sql.update(
        "UPDATE bia_process SET last_reviewed_on = ?, review_due = ?, reviewed_by = ?,"
            + " version = ? WHERE process_id = ?",
        Date.valueOf(e.reviewedOn()),
        Date.valueOf(e.nextReviewDue()),
        principal,
        seq,
        e.processId());
  }

  private void history(
      String processId,
      Long seq,
      Duration mtpd,
      Duration rto,
      Duration rpo,
      String source,
      String revisionId,
      String reason,
      String principal,
      String role,
      Instant at) {
    sql.update(
        "INSERT INTO bia_target_history (process_id, seq, mtpd_seconds, rto_seconds, rpo_seconds,"
            + " source, revision_id, reason, set_by, set_by_role, set_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        processId,
        seq,
        mtpd,
        rto,
        Sql.seconds(rpo),
        source,
        revisionId,
        reason,
        principal,
        role,
        at);
  }

  @QueryHandler
  public Optional<ProcessView> find(FindProcess query) {
    return processes("SELECT * FROM bia_process WHERE process_id = ?", query.processId()).stream()
        .findFirst();
  }

  @QueryHandler
  public List<ProcessView> list(ListProcesses query) {
    List<Object> args = new ArrayList<>();
    String after = "";
    if (query.after() != null) {
      args.addAll(Page.parse(query.after(), 3, k -> List.of(Long.parseLong(k[0]), k[1], k[2])));
      after = " WHERE (rto_seconds, name, process_id) > (?, ?, ?)";
    }
    args.add(query.limit() + 1);
    return processes(
        "SELECT * FROM bia_process" + after + " ORDER BY rto_seconds, name, process_id LIMIT ?",
        args.toArray());
  }

  /** The sort key of a process in {@link ListProcesses}, for its cursor. */
  public static String key(ProcessView process) {
    return Page.key(process.rto().toSeconds(), process.name(), process.id());
  }

  @QueryHandler
  public List<TargetChangeView> history(TargetHistory query) {
    long after =
        query.after() == null ? -1 : Page.parse(query.after(), 1, k -> Long.parseLong(k[0]));
    return sql.list(
        "SELECT * FROM bia_target_history WHERE process_id = ? AND seq > ? ORDER BY seq LIMIT ?",
        r ->
            new TargetChangeView(
                r.getString("process_id"),
                r.getLong("seq"),
                duration(r, "mtpd_seconds"),
                duration(r, "rto_seconds"),
                duration(r, "rpo_seconds"),
                r.getString("source"),
                r.getString("revision_id"),
                r.getString("reason"),
                r.getString("set_by"),
                r.getString("set_by_role"),
                instant(r, "set_at")),
        query.processId(),
        after,
        query.limit() + 1);
  }

  @QueryHandler
  public List<ReviewView> overdue(OverdueReviews query) {
    List<Object> args = new ArrayList<>();
    args.add(Date.valueOf(query.today()));
    String after = "";
    if (query.after() != null) {
      args.addAll(
          Page.parse(
              query.after(),
              3,
              k ->
                  List.of(
                      NEVER.equals(k[0]) ? NEVER : LocalDate.parse(k[0]).toString(), k[1], k[2])));
      after =
          " AND (COALESCE(review_due, '-infinity'::date), name, process_id)"
              + " > (CAST(? AS date), ?, ?)";
    }
    args.add(query.limit() + 1);
    return sql.list(
        "SELECT process_id, name, owner, last_reviewed_on, review_due, reviewed_by"
            + " FROM bia_process WHERE status = 'ACTIVE'"
            + " AND (review_due IS NULL OR review_due < ?)"
            + after
            + " ORDER BY COALESCE(review_due, '-infinity'::date), name, process_id LIMIT ?",
        r ->
            new ReviewView(
                r.getString("process_id"),
                r.getString("name"),
                r.getString("owner"),
                date(r.getDate("last_reviewed_on")),
                date(r.getDate("review_due")),
                r.getString("reviewed_by")),
        args.toArray());
  }

  /** Where a process never reviewed sorts among the due dates (first), as PostgreSQL spells it. */
  private static final String NEVER = "-infinity";

  /** The sort key of a process in {@link OverdueReviews}, for its cursor. */
  public static String overdueKey(ReviewView review) {
    return Page.key(
        review.reviewDue() == null ? NEVER : review.reviewDue().toString(),
        review.name(),
        review.processId());
  }

  private static LocalDate date(Date value) {
    return value == null ? null : value.toLocalDate();
  }

  private List<ProcessView> processes(String query, Object... args) {
    Map<String, List<String>> supportedBy = new HashMap<>();
    List<ProcessView> processes =
        sql.list(
            query,
            r -> {
              List<String> assets = new ArrayList<>();
              supportedBy.put(r.getString("process_id"), assets);
              return new ProcessView(
                  r.getString("process_id"),
                  r.getString("name"),
                  r.getString("description"),
                  r.getBoolean("critical"),
                  r.getBoolean("crown_jewel"),
                  r.getString("owner"),
                  duration(r, "mtpd_seconds"),
                  duration(r, "rto_seconds"),
                  duration(r, "rpo_seconds"),
                  r.getString("status"),
                  instant(r, "registered_at"),
                  assets,
                  r.getLong("version"),
                  instant(r, "retired_at"),
                  r.getString("retirement_reason"));
            },
            args);
    if (!supportedBy.isEmpty()) {
      sql.list(
              "SELECT from_id, to_id FROM bia_dependency WHERE from_id = ANY (?)"
                  + " ORDER BY added_at",
              r -> new String[] {r.getString("from_id"), r.getString("to_id")},
              List.copyOf(supportedBy.keySet()))
          .forEach(edge -> supportedBy.get(edge[0]).add(edge[1]));
    }
    return processes;
  }
}
