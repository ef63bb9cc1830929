package nl.herstel.lessons.query;

import static nl.herstel.platform.jdbc.Sql.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.lessons.api.ActionDetails;
import nl.herstel.lessons.api.ActionPriority;
import nl.herstel.lessons.api.ActionStatus;
import nl.herstel.lessons.api.ActionTarget;
import nl.herstel.lessons.api.ImprovementEvents.ActionStatusChanged;
import nl.herstel.lessons.api.ImprovementEvents.ImprovementActionRecorded;
import nl.herstel.lessons.api.ImprovementEvents.ImprovementActionRevised;
import nl.herstel.lessons.api.ImprovementEvents.ProgressNoteAdded;
import nl.herstel.lessons.api.ImprovementQueries.FindImprovementAction;
import nl.herstel.lessons.api.ImprovementQueries.IsTargetKnown;
import nl.herstel.lessons.api.ImprovementQueries.ListImprovementActions;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The improvement actions read model: each action with its status, version and progress notes; and
 * whether a target is known from the services that own targets. Rows commit with the processor's
 * token.
 */
@ProcessingGroup("lessons-improvement-actions")
public class ImprovementProjection {
  private final Sql sql;

  public ImprovementProjection(Sql sql) {
    this.sql = sql;
  }

  @EventHandler
  void on(
      ImprovementActionRecorded e,
      @SequenceNumber long version,
      @Timestamp Instant at,
      @MetaDataValue("principal") String principal) {
    ActionDetails d = e.details();
    sql.update(
        "INSERT INTO lessons_improvement_action (action_id, title, description, owner, due,"
            + " priority, target_kind, target_id, target_plan_id, status, incident_id,"
            + " evaluation_id, version, created_at, created_by, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (action_id) DO NOTHING",
        e.actionId(),
        d.title(),
        d.description(),
        d.owner(),
        d.due(),
        d.priority(),
        d.target().kind(),
        d.target().id(),
        d.target().planId(),
        ActionStatus.OPEN,
        e.incidentId(),
        e.evaluationId(),
        version,
        at,
        principal,
        at);
  }

  @EventHandler
  void on(ImprovementActionRevised e, @SequenceNumber long version, @Timestamp Instant at) {
    ActionDetails d = e.details();
    sql.update(
        "UPDATE lessons_improvement_action SET title = ?, description = ?, owner = ?, due = ?,"
            + " priority = ?, target_kind = ?, target_id = ?, target_plan_id = ?, version = ?,"
            + " updated_at = ? WHERE action_id = ?",
        d.title(),
        d.description(),
        d.owner(),
        d.due(),
        d.priority(),
        d.target().kind(),
        d.target().id(),
        d.target().planId(),
        version,
        at,
        e.actionId());
  }

  @EventHandler
  void on(ActionStatusChanged e, @SequenceNumber long version, @Timestamp Instant at) {
    sql.update(
        "UPDATE lessons_improvement_action SET status = ?, status_reason = ?, version = ?,"
            + " updated_at = ? WHERE action_id = ?",
        e.status(),
        e.reason(),
        version,
        at,
        e.actionId());
  }

  @EventHandler
  void on(
      ProgressNoteAdded e,
      @SequenceNumber long version,
      @Timestamp Instant at,
      @MetaDataValue("principal") String principal) {
    sql.update(
        "INSERT INTO lessons_improvement_note (action_id, seq, text, noted_by, noted_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        e.actionId(),
        version,
        e.text(),
        principal,
        at);
    sql.update(
        "UPDATE lessons_improvement_action SET version = ?, updated_at = ? WHERE action_id = ?",
        version,
        at,
        e.actionId());
  }

  @QueryHandler
  public Optional<ImprovementActionView> find(FindImprovementAction q) {
    return withNotes(
            sql.list(
                "SELECT * FROM lessons_improvement_action WHERE action_id = ?",
                ImprovementProjection::row,
                q.actionId()),
            LocalDate.now(java.time.ZoneOffset.UTC))
        .stream()
        .findFirst();
  }

  @QueryHandler
  public List<ImprovementActionView> list(ListImprovementActions q) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder("TRUE");
    filter(where, args, "status", q.status());
    filter(where, args, "owner", q.owner());
    filter(where, args, "priority", q.priority());
    filter(where, args, "target_kind", q.targetKind());
    filter(where, args, "target_id", q.targetId());
    filter(where, args, "incident_id", q.incidentId());
    if (q.overdue() != null) {
      where.append(q.overdue() ? " AND " : " AND NOT ");
      where.append("(due < ? AND status NOT IN ('DONE', 'WONT_DO'))");
      args.add(q.today());
    }
    if (q.after() != null) {
      String[] k = EvaluationProjection.key(q.after(), 2);
      LocalDate due;
      try {
        due = LocalDate.parse(k[0]);
      } catch (java.time.format.DateTimeParseException e) {
        throw new nl.herstel.platform.rest.InvalidRequest(
            List.of(
                new nl.herstel.platform.rest.Problem.FieldError(
                    "cursor", "not a cursor of this list")));
      }
      where.append(" AND (due, action_id) > (?, ?)");
      args.add(due);
      args.add(k[1]);
    }
    args.add(q.limit() + 1);
    return withNotes(
        sql.list(
            "SELECT * FROM lessons_improvement_action WHERE "
                + where
                + " ORDER BY due, action_id LIMIT ?",
            ImprovementProjection::row,
            args.toArray()),
        q.today());
  }

  /** The cursor key of an action in a list. */
  public static String key(ImprovementActionView a) {
    return a.due().toString() + EvaluationProjection.SEP + a.id();
  }

  @QueryHandler
  public Boolean known(IsTargetKnown q) {
    ActionTarget t = q.target();
    if (t.kind() == ActionTarget.Kind.PROCESS) {
      return sql.exists("SELECT 1 FROM lessons_process_target WHERE process_id = ?", t.id());
    }
    return sql.exists(
        "SELECT 1 FROM lessons_known_target WHERE kind = ? AND target_id = ? AND plan_id = ?"
            + " AND NOT retired",
        t.kind(),
        t.id(),
        t.planId() == null ? "" : t.planId());
  }

  private static void filter(StringBuilder where, List<Object> args, String column, Object value) {
    if (value != null) {
      where.append(" AND ").append(column).append(" = ?");
      args.add(value);
    }
  }

  private List<ImprovementActionView> withNotes(List<Row> rows, LocalDate today) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<ImprovementActionView.Note>> notes = new LinkedHashMap<>();
    rows.forEach(r -> notes.put(r.id(), new ArrayList<>()));
    sql.list(
            "SELECT * FROM lessons_improvement_note WHERE action_id = ANY (?)"
                + " ORDER BY action_id, seq",
            r ->
                Map.entry(
                    r.getString("action_id"),
                    new ImprovementActionView.Note(
                        r.getString("text"), r.getString("noted_by"), instant(r, "noted_at"))),
            List.copyOf(notes.keySet()))
        .forEach(e -> notes.get(e.getKey()).add(e.getValue()));
    return rows.stream().map(r -> r.view(notes.get(r.id()), today)).toList();
  }

  private static Row row(ResultSet r) throws SQLException {
    return new Row(
        r.getString("action_id"),
        r.getString("title"),
        r.getString("description"),
        r.getString("owner"),
        r.getObject("due", LocalDate.class),
        ActionPriority.valueOf(r.getString("priority")),
        new ActionTarget(
            ActionTarget.Kind.valueOf(r.getString("target_kind")),
            r.getString("target_id"),
            r.getString("target_plan_id")),
        ActionStatus.valueOf(r.getString("status")),
        r.getString("status_reason"),
        r.getString("incident_id"),
        r.getString("evaluation_id"),
        r.getLong("version"),
        instant(r, "created_at"),
        r.getString("created_by"),
        instant(r, "updated_at"));
  }

  /** An action's row before its notes are added. */
  private record Row(
      String id,
      String title,
      String description,
      String owner,
      LocalDate due,
      ActionPriority priority,
      ActionTarget target,
      ActionStatus status,
      String statusReason,
      String incidentId,
      String evaluationId,
      long version,
      Instant createdAt,
      String createdBy,
      Instant updatedAt) {
    ImprovementActionView view(List<ImprovementActionView.Note> notes, LocalDate today) {
      return new ImprovementActionView(
          id,
          title,
          description,
          owner,
          due,
          priority,
          target,
          status,
          statusReason,
          incidentId,
          evaluationId,
          due.isBefore(today) && !status.closed(),
          List.copyOf(notes),
          version,
          createdAt,
          createdBy,
          updatedAt);
    }
  }
}
