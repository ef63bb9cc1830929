package nl.herstel.lessons.query;

import static nl.herstel.platform.jdbc.Sql.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.lessons.api.EvaluationContent;
import nl.herstel.lessons.api.EvaluationEvents.EvaluationDrafted;
import nl.herstel.lessons.api.EvaluationEvents.EvaluationFinalised;
import nl.herstel.lessons.api.EvaluationEvents.EvaluationPolicySet;
import nl.herstel.lessons.api.EvaluationEvents.EvaluationRevised;
import nl.herstel.lessons.api.EvaluationPolicyRules;
import nl.herstel.lessons.api.EvaluationPolicyRules.Rule;
import nl.herstel.lessons.api.EvaluationQueries.FindEvaluation;
import nl.herstel.lessons.api.EvaluationQueries.FindEvaluationPolicy;
import nl.herstel.lessons.api.EvaluationQueries.IsIncidentKnown;
import nl.herstel.lessons.api.EvaluationQueries.ListEvaluations;
import nl.herstel.lessons.api.EvaluationQueries.ListOverdueEvaluations;
import nl.herstel.lessons.api.EvaluationStatus;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The evaluations read model: each evaluation with its status and version, and the evaluation
 * policy; answers which incidents are overdue for an evaluation from {@link EvaluationFacts}. Rows
 * commit with the processor's token.
 */
@ProcessingGroup("lessons-evaluations")
public class EvaluationProjection {
  static final char SEP = '\u001f';
  private final Sql sql;

  public EvaluationProjection(Sql sql) {
    this.sql = sql;
  }

  @EventHandler
  void on(
      EvaluationDrafted e,
      @SequenceNumber long version,
      @Timestamp Instant at,
      @MetaDataValue("principal") String principal) {
    sql.update(
        "INSERT INTO lessons_evaluation (evaluation_id, incident_id, status, content, version,"
            + " created_at, created_by, updated_at) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?)"
            + " ON CONFLICT (evaluation_id) DO NOTHING",
        e.evaluationId(),
        e.incidentId(),
        EvaluationStatus.DRAFT,
        Sql.json(e.content()),
        version,
        at,
        principal,
        at);
  }

  @EventHandler
  void on(EvaluationRevised e, @SequenceNumber long version, @Timestamp Instant at) {
    sql.update(
        "UPDATE lessons_evaluation SET content = ?::jsonb, version = ?, updated_at = ?"
            + " WHERE evaluation_id = ?",
        Sql.json(e.content()),
        version,
        at,
        e.evaluationId());
  }

  @EventHandler
  void on(
      EvaluationFinalised e,
      @SequenceNumber long version,
      @Timestamp Instant at,
      @MetaDataValue("principal") String principal) {
    sql.update(
        "UPDATE lessons_evaluation SET status = ?, version = ?, updated_at = ?, finalised_at = ?,"
            + " finalised_by = ? WHERE evaluation_id = ?",
        EvaluationStatus.FINAL,
        version,
        at,
        at,
        principal,
        e.evaluationId());
  }

  @EventHandler
  void on(
      EvaluationPolicySet e,
      @SequenceNumber long sequence,
      @Timestamp Instant at,
      @MetaDataValue("principal") String principal) {
    sql.update(
        "INSERT INTO lessons_evaluation_policy (policy_id, rules, version, set_at, set_by)"
            + " VALUES (?, ?::jsonb, ?, ?, ?) ON CONFLICT (policy_id) DO UPDATE SET"
            + " rules = EXCLUDED.rules, version = EXCLUDED.version, set_at = EXCLUDED.set_at,"
            + " set_by = EXCLUDED.set_by",
        e.policyId(),
        Sql.json(e.rules()),
        sequence + 1,
        at,
        principal);
  }

  @QueryHandler
  public Optional<EvaluationView> find(FindEvaluation q) {
    return sql.one(
        "SELECT * FROM lessons_evaluation WHERE evaluation_id = ?",
        EvaluationProjection::evaluation,
        q.evaluationId());
  }

  @QueryHandler
  public List<EvaluationView> list(ListEvaluations q) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder("TRUE");
    if (q.status() != null) {
      where.append(" AND status = ?");
      args.add(q.status());
    }
    if (q.incidentId() != null) {
      where.append(" AND incident_id = ?");
      args.add(q.incidentId());
    }
    if (q.after() != null) {
      String[] k = key(q.after(), 2);
      where.append(" AND (created_at, evaluation_id) < (?::timestamptz, ?)");
      args.addAll(Arrays.asList(instantKey(k[0]), k[1]));
    }
    args.add(q.limit() + 1);
    return sql.list(
        "SELECT * FROM lessons_evaluation WHERE "
            + where
            + " ORDER BY created_at DESC, evaluation_id DESC LIMIT ?",
        EvaluationProjection::evaluation,
        args.toArray());
  }

  /** The cursor key of an evaluation in a list. */
  public static String key(EvaluationView e) {
    return e.createdAt().toString() + SEP + e.id();
  }

  @QueryHandler
  public Boolean known(IsIncidentKnown q) {
    return sql.exists(EvaluationFacts.KNOWN, q.incidentId(), q.incidentId());
  }

  @QueryHandler
  public EvaluationPolicyView policy(FindEvaluationPolicy q) {
    return sql.one(
            "SELECT * FROM lessons_evaluation_policy WHERE policy_id = ?",
            r ->
                new EvaluationPolicyView(
                    Sql.fromJson(r.getString("rules"), EvaluationPolicyRules.class),
                    r.getLong("version"),
                    instant(r, "set_at"),
                    r.getString("set_by")),
            EvaluationPolicyRules.POLICY_ID)
        .orElse(new EvaluationPolicyView(EvaluationPolicyRules.DEFAULT, 0, null, null));
  }

  @QueryHandler
  public List<OverdueEvaluationView> overdue(ListOverdueEvaluations q) {
    EvaluationPolicyRules rules = policy(new FindEvaluationPolicy()).rules();
    List<String> severities =
        rules.minimumSeverity() == null
            ? List.of()
            : Arrays.stream(Severity.values())
                .filter(s -> s.compareTo(rules.minimumSeverity()) >= 0)
                .map(Enum::name)
                .toList();
    long due = rules.dueAfterClosure().toSeconds();
    List<Object> args =
        new ArrayList<>(
            List.of(
                due,
                severities,
                rules.categories().stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList(),
                rules.anyDeadlineBreached(),
                EvaluationStatus.DRAFT,
                EvaluationStatus.FINAL,
                q.now()));
    String after = "";
    if (q.after() != null) {
      String[] k = key(q.after(), 2);
      after = " AND (due_at, incident_id) > (?::timestamptz, ?)";
      args.addAll(Arrays.asList(instantKey(k[0]), k[1]));
    }
    args.add(q.limit() + 1);
    return sql.list(
        "SELECT * FROM (SELECT f.*, f.closed_at + (?::bigint * interval '1 second') AS due_at,"
            + " COALESCE(f.severity = ANY (?), FALSE) AS by_severity,"
            + " COALESCE(upper(f.category) = ANY (?), FALSE) AS by_category,"
            + " (?::boolean AND f.breached) AS by_breach,"
            + " (SELECT count(*) FROM lessons_evaluation e WHERE e.incident_id = f.incident_id"
            + " AND e.status = ?) AS drafts"
            + " FROM ("
            + EvaluationFacts.RELATION
            + ") f WHERE f.closed_at IS NOT NULL AND NOT f.merged AND NOT f.dismissed"
            + " AND NOT EXISTS (SELECT 1 FROM lessons_evaluation e"
            + " WHERE e.incident_id = f.incident_id AND e.status = ?)) o"
            + " WHERE (by_severity OR by_category OR by_breach) AND due_at < ?"
            + after
            + " ORDER BY due_at, incident_id LIMIT ?",
        r -> {
          List<Rule> requiredBy = new ArrayList<>();
          if (r.getBoolean("by_severity")) {
            requiredBy.add(Rule.SEVERITY);
          }
          if (r.getBoolean("by_category")) {
            requiredBy.add(Rule.CATEGORY);
          }
          if (r.getBoolean("by_breach")) {
            requiredBy.add(Rule.DEADLINE_BREACHED);
          }
          String severity = r.getString("severity");
          return new OverdueEvaluationView(
              r.getString("incident_id"),
              r.getString("title"),
              severity == null ? null : Severity.valueOf(severity),
              r.getString("category"),
              instant(r, "closed_at"),
              instant(r, "due_at"),
              List.copyOf(requiredBy),
              r.getInt("drafts"));
        },
        args.toArray());
  }

  /** The cursor key of an overdue incident in its list. */
  public static String key(OverdueEvaluationView o) {
    return o.dueAt().toString() + SEP + o.incidentId();
  }

  private static EvaluationView evaluation(java.sql.ResultSet r) throws java.sql.SQLException {
    return new EvaluationView(
        r.getString("evaluation_id"),
        r.getString("incident_id"),
        EvaluationStatus.valueOf(r.getString("status")),
        Sql.fromJson(r.getString("content"), EvaluationContent.class),
        r.getLong("version"),
        instant(r, "created_at"),
        r.getString("created_by"),
        instant(r, "updated_at"),
        instant(r, "finalised_at"),
        r.getString("finalised_by"));
  }

  static String[] key(String after, int parts) {
    String[] k = after.split(String.valueOf(SEP), parts);
    if (k.length != parts) {
      throw badCursor();
    }
    return k;
  }

  static Instant instantKey(String text) {
    try {
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw badCursor();
    }
  }

  private static RuntimeException badCursor() {
    return new nl.herstel.platform.rest.InvalidRequest(
        List.of(
            new nl.herstel.platform.rest.Problem.FieldError(
                "cursor", "not a cursor of this list")));
  }
}
