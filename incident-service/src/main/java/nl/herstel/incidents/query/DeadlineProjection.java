package nl.herstel.incidents.query;

import static nl.herstel.platform.jdbc.Sql.at;
import static nl.herstel.platform.jdbc.Sql.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.AlertCorrelated;
import nl.herstel.incidents.api.IncidentEvents.IncidentClosed;
import nl.herstel.incidents.api.IncidentEvents.IncidentOpened;
import nl.herstel.incidents.api.IncidentEvents.IncidentTransitioned;
import nl.herstel.incidents.api.IncidentEvents.NotificationObligationRegistered;
import nl.herstel.incidents.api.IncidentEvents.NotificationOverdue;
import nl.herstel.incidents.api.IncidentEvents.NotificationSubmitted;
import nl.herstel.incidents.api.IncidentEvents.ProcessRestored;
import nl.herstel.incidents.api.IncidentEvents.RecoveryDeadlineBreached;
import nl.herstel.incidents.api.IncidentEvents.UnresolvedAssetResolved;
import nl.herstel.incidents.api.IncidentQueries.ListDeadlines;
import nl.herstel.incidents.api.IncidentQueries.ListNotificationObligations;
import nl.herstel.incidents.api.IncidentStatus;
import nl.herstel.incidents.api.NotificationAuthority;
import nl.herstel.incidents.api.RecoveryEvents.IncidentAbsorbed;
import nl.herstel.incidents.api.RecoveryEvents.IncidentMergedInto;
import nl.herstel.incidents.api.RecoveryEvents.IncidentSplitOff;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.messaging.EventMetadata;
import nl.herstel.platform.rest.Page;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The clocks of every incident in PostgreSQL: one {@code incident_deadline} row per RTO, MTPD and
 * notification deadline, and the notification obligations. The deadline clock polls the rows this
 * projection writes, so deadlines live in the database, not in memory: they survive restarts, and
 * one that passed while the service was down fires when it is back. Rows commit with the
 * processor's token; every handler is idempotent, since the clock settles rows itself too.
 */
@ProcessingGroup("incident-deadlines")
public class DeadlineProjection {
  static final String NOTIFICATION = "NOTIFICATION";

  private final Sql sql;

  public DeadlineProjection(JdbcTransactions db) {
    this.sql = new Sql(db);
  }

  @EventHandler
  void on(IncidentOpened e) {
    track(e.incidentId(), e.affectedProcesses());
  }

  @EventHandler
  void on(AlertCorrelated e) {
    track(e.incidentId(), e.newAffectedProcesses());
  }

  /** A hint resolved late starts the clocks of its processes, as they stood from the disruption. */
  @EventHandler
  void on(UnresolvedAssetResolved e) {
    track(e.incidentId(), e.newAffectedProcesses());
  }

  private void track(String incidentId, List<AffectedProcess> processes) {
    for (AffectedProcess p : processes) {
      insertDeadline(incidentId, p.processId(), "RTO", p.name(), p.rtoDeadline());
      insertDeadline(incidentId, p.processId(), "MTPD", p.name(), p.mtpdDeadline());
    }
  }

  private void insertDeadline(
      String incidentId, String subject, String kind, String name, Instant dueAt) {
    sql.update(
        "INSERT INTO incident_deadline (incident_id, subject, kind, name, due_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        incidentId,
        subject,
        kind,
        name,
        at(dueAt));
  }

  /**
   * A process restored during the recovery settles those of its deadlines that had not passed yet;
   * one that passed before the restoration stays to be recorded as breached.
   */
  @EventHandler
  void on(ProcessRestored e) {
    sql.update(
        "UPDATE incident_deadline SET state = 'SETTLED' WHERE incident_id = ? AND subject = ?"
            + " AND kind <> ? AND state = 'PENDING' AND due_at >= ?",
        e.incidentId(),
        e.processId(),
        NOTIFICATION,
        at(e.restoredAt()));
  }

  /** Processes that joined with a merged incident bring their deadlines (not the known ones). */
  @EventHandler
  void on(IncidentAbsorbed e) {
    track(e.incidentId(), e.parts().affectedProcesses());
  }

  /** An incident split off another starts the clocks of the processes its alerts brought. */
  @EventHandler
  void on(IncidentSplitOff e) {
    track(e.incidentId(), e.parts().affectedProcesses());
  }

  /** A merged incident's recovery clocks stop; the surviving incident carries them on. */
  @EventHandler
  void on(IncidentMergedInto e) {
    sql.update(
        "UPDATE incident_deadline SET state = 'SETTLED' WHERE incident_id = ? AND kind <> ?"
            + " AND state = 'PENDING'",
        e.incidentId(),
        NOTIFICATION);
  }

  @EventHandler
  void on(RecoveryDeadlineBreached e) {
    breached(e.incidentId(), e.processId(), e.kind().name(), e.detectedAt());
  }

  /** A dismissed incident's clocks stop; taking the dismissal back starts them again. */
  @EventHandler
  void on(IncidentTransitioned e) {
    if (e.to() == IncidentStatus.DISMISSED || e.from() == IncidentStatus.DISMISSED) {
      sql.update(
          "UPDATE incident_deadline SET suspended = ? WHERE incident_id = ?",
          e.to() == IncidentStatus.DISMISSED,
          e.incidentId());
    }
  }

  /**
   * Closure settles the recovery deadlines (the restorations are recorded); notification clocks
   * keep running, as the duty to notify does, unless the incident was a dismissed false positive.
   */
  @EventHandler
  void on(IncidentClosed e) {
    sql.update(
        "UPDATE incident_deadline SET state = 'SETTLED' WHERE incident_id = ? AND state = 'PENDING'"
            + " AND (kind <> ? OR suspended)",
        e.incidentId(),
        NOTIFICATION);
  }

  @EventHandler
  void on(
      NotificationObligationRegistered e,
      @SequenceNumber long sequence,
      @MetaDataValue(EventMetadata.PRINCIPAL) String principal,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    sql.update(
        "INSERT INTO notification_obligation (incident_id, obligation_id, position, authority,"
            + " legal_basis, discovered_at, due_at, registered_by, registered_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        e.incidentId(),
        e.obligationId(),
        sequence,
        e.authority().name(),
        e.legalBasis(),
        at(e.discoveredAt()),
        at(e.dueAt()),
        principal,
        at(at));
    if (e.dueAt() != null) {
      insertDeadline(
          e.incidentId(), e.obligationId(), NOTIFICATION, e.authority().name(), e.dueAt());
    }
  }

  @EventHandler
  void on(NotificationSubmitted e, @MetaDataValue(EventMetadata.PRINCIPAL) String principal) {
    sql.update(
        "UPDATE notification_obligation SET submitted_at = ?, reference = ?, submitted_by = ?"
            + " WHERE incident_id = ? AND obligation_id = ?",
        at(e.submittedAt()),
        e.reference(),
        principal,
        e.incidentId(),
        e.obligationId());
    sql.update(
        "UPDATE incident_deadline SET state = 'SETTLED' WHERE incident_id = ? AND subject = ?"
            + " AND kind = ? AND state = 'PENDING'",
        e.incidentId(),
        e.obligationId(),
        NOTIFICATION);
  }

  @EventHandler
  void on(NotificationOverdue e) {
    sql.update(
        "UPDATE notification_obligation SET overdue_at = ? WHERE incident_id = ?"
            + " AND obligation_id = ?",
        at(e.detectedAt()),
        e.incidentId(),
        e.obligationId());
    breached(e.incidentId(), e.obligationId(), NOTIFICATION, e.detectedAt());
  }

  private void breached(String incidentId, String subject, String kind, Instant at) {
    sql.update(
        "UPDATE incident_deadline SET state = 'BREACHED', breached_at = ? WHERE incident_id = ?"
            + " AND subject = ? AND kind = ?",
        at(at),
        incidentId,
        subject,
        kind);
  }

  @ResetHandler
  void reset() {
    sql.update("DELETE FROM incident_deadline");
    sql.update("DELETE FROM notification_obligation");
  }

  /** The sort key of a deadline in {@link ListDeadlines} (its identity), for its cursor. */
  public static String key(DeadlineView deadline) {
    return Page.key(deadline.kind(), deadline.subject());
  }

  @QueryHandler
  public List<DeadlineView> deadlines(ListDeadlines query) {
    Instant now = Instant.now();
    List<Object> args = new ArrayList<>(List.of(query.incidentId()));
    String after = "";
    if (query.after() != null) {
      after =
          " AND (d.due_at > c.due_at OR d.due_at = c.due_at AND (d.kind < c.kind"
              + " OR d.kind = c.kind AND (d.name, d.subject) > (c.name, c.subject)))";
      args.add(0, query.incidentId());
      args.addAll(1, Page.parse(query.after(), 2, k -> List.of(k[0], k[1])));
    }
    args.add(query.limit() + 1);
    return sql.list(
        "SELECT d.* FROM incident_deadline d"
            + (query.after() == null
                ? ""
                : " JOIN (SELECT due_at, kind, name, subject FROM incident_deadline"
                    + " WHERE incident_id = ? AND kind = ? AND subject = ?) c ON true")
            + " WHERE d.incident_id = ?"
            + after
            + " ORDER BY d.due_at, d.kind DESC, d.name, d.subject LIMIT ?",
        r -> {
          Instant dueAt = instant(r, "due_at");
          Duration remaining = Duration.between(now, dueAt);
          Instant breachedAt = instant(r, "breached_at");
          return new DeadlineView(
              r.getString("kind"),
              r.getString("subject"),
              r.getString("name"),
              dueAt,
              remaining,
              remaining.toSeconds(),
              breachedAt != null,
              breachedAt,
              r.getString("state"));
        },
        args.toArray());
  }

  @QueryHandler
  public List<NotificationObligationView> obligations(ListNotificationObligations query) {
    Instant now = Instant.now();
    List<Object> args = new ArrayList<>(List.of(query.incidentId()));
    String after = "";
    if (query.after() != null) {
      after =
          " AND (registered_at, position) > (SELECT registered_at, position"
              + " FROM notification_obligation WHERE incident_id = ? AND obligation_id = ?)";
      args.add(query.incidentId());
      args.add(query.after());
    }
    args.add(query.limit() + 1);
    return sql.list(
        "SELECT * FROM notification_obligation WHERE incident_id = ?"
            + after
            + " ORDER BY registered_at, position LIMIT ?",
        r -> {
          Instant dueAt = instant(r, "due_at");
          Instant submittedAt = instant(r, "submitted_at");
          Duration remaining =
              dueAt == null || submittedAt != null ? null : Duration.between(now, dueAt);
          return new NotificationObligationView(
              r.getString("obligation_id"),
              NotificationAuthority.valueOf(r.getString("authority")),
              r.getString("legal_basis"),
              instant(r, "discovered_at"),
              dueAt,
              status(dueAt, submittedAt, now),
              remaining,
              remaining == null ? null : remaining.toSeconds(),
              r.getString("registered_by"),
              instant(r, "registered_at"),
              submittedAt,
              r.getString("reference"),
              r.getString("submitted_by"),
              instant(r, "overdue_at"));
        },
        args.toArray());
  }

  /** OPEN, OVERDUE, SUBMITTED or SUBMITTED_LATE, by the clock, not by the overdue event's lag. */
  static String status(Instant dueAt, Instant submittedAt, Instant now) {
    if (submittedAt != null) {
      return dueAt != null && submittedAt.isAfter(dueAt) ? "SUBMITTED_LATE" : "SUBMITTED";
    }
    return dueAt != null && !now.isBefore(dueAt) ? "OVERDUE" : "OPEN";
  }
}
