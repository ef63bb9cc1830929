package nl.herstel.plans.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.herstel.plans.api.BackupCoverage;
import nl.herstel.plans.api.BackupLocation;
import nl.herstel.plans.api.BackupMedia;
import nl.herstel.plans.api.BackupType;
import nl.herstel.plans.api.ExerciseKind;
import nl.herstel.plans.api.ExerciseStatus;
import nl.herstel.plans.api.PreparednessCommands.BackupSettings;
import nl.herstel.plans.api.PreparednessEvents.BackupPolicyRegistered;
import nl.herstel.plans.api.PreparednessEvents.BackupPolicyRevised;
import nl.herstel.plans.api.PreparednessEvents.ExerciseCompleted;
import nl.herstel.plans.api.PreparednessEvents.ExercisePlanned;
import nl.herstel.plans.api.PreparednessEvents.ExerciseResultRecorded;
import nl.herstel.plans.api.PreparednessEvents.ExerciseStarted;
import nl.herstel.plans.api.PreparednessEvents.ExerciseStepTimed;
import nl.herstel.plans.api.PreparednessEvents.FailingCheck;
import nl.herstel.plans.api.PreparednessEvents.ReadinessChanged;
import nl.herstel.plans.api.PreparednessEvents.RestoreTestRecorded;
import nl.herstel.plans.api.PreparednessEvents.TrainingRecorded;
import nl.herstel.plans.api.PreparednessQueries.FindBackupPolicy;
import nl.herstel.plans.api.PreparednessQueries.FindExercise;
import nl.herstel.plans.api.PreparednessQueries.FindKnownAsset;
import nl.herstel.plans.api.PreparednessQueries.FindRestoreTest;
import nl.herstel.plans.api.PreparednessQueries.FindTrainingRecord;
import nl.herstel.plans.api.PreparednessQueries.ListBackupPolicies;
import nl.herstel.plans.api.PreparednessQueries.ListExercises;
import nl.herstel.plans.api.PreparednessQueries.ListRestoreTests;
import nl.herstel.plans.api.PreparednessQueries.ListTrainingRecords;
import nl.herstel.plans.api.RestoreResult;
import nl.herstel.plans.query.PreparednessViews.BackupPolicyView;
import nl.herstel.plans.query.PreparednessViews.ExerciseResult;
import nl.herstel.plans.query.PreparednessViews.ExerciseView;
import nl.herstel.plans.query.PreparednessViews.RestoreTestView;
import nl.herstel.plans.query.PreparednessViews.TimedStep;
import nl.herstel.plans.query.PreparednessViews.TrainingRecordView;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The read model of what proves a plan: backup policies, restore tests, training records and
 * exercises, the tables readiness is computed from. Its rows commit with the processor's token.
 */
@ProcessingGroup("preparedness")
public class PreparednessProjection {
  private static final char SEP = '\u001f';
  private static final TypeReference<List<TimedStep>> STEPS = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<nl.herstel.plans.api.PreparednessCommands.ReplayInject>>
      SCRIPT = new TypeReference<>() {};

  private final Sql sql;

  public PreparednessProjection(Sql sql) {
    this.sql = sql;
  }

  @EventHandler
  void on(BackupPolicyRegistered e, @Timestamp Instant at) {
    sql.update(
        "INSERT INTO plan_backup_policy (policy_id, asset_id, name, media, location, backup_type,"
            + " frequency_seconds, retention_seconds, immutable, offline_copy, covers_data, covers,"
            + " restore_test_interval_seconds, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        policyArgs(e.policyId(), e.settings(), at));
  }

  @EventHandler
  void on(BackupPolicyRevised e, @Timestamp Instant at) {
    sql.update("DELETE FROM plan_backup_policy WHERE policy_id = ?", e.policyId());
    sql.update(
        "INSERT INTO plan_backup_policy (policy_id, asset_id, name, media, location, backup_type,"
            + " frequency_seconds, retention_seconds, immutable, offline_copy, covers_data, covers,"
            + " restore_test_interval_seconds, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        policyArgs(e.policyId(), e.settings(), at));
  }

  private static Object[] policyArgs(String id, BackupSettings s, Instant at) {
    return new Object[] {
      id,
      s.assetId(),
      s.name(),
      s.media(),
      s.location(),
      s.type(),
      s.frequency(),
      s.retention(),
      s.immutable(),
      s.offlineCopy(),
      s.covers().contains(BackupCoverage.DATA),
      s.covers().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
      s.restoreTestInterval(),
      at
    };
  }

  @EventHandler
  void on(RestoreTestRecorded e, @Timestamp Instant at) {
    sql.update(
        "INSERT INTO plan_restore_test (test_id, asset_id, policy_id, started_at, restore_point,"
            + " duration_seconds, hash_before, hash_after, result, notes, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        e.testId(),
        e.assetId(),
        e.policyId(),
        e.startedAt(),
        e.restorePoint(),
        e.duration(),
        e.hashBefore(),
        e.hashAfter(),
        e.result(),
        e.notes(),
        at);
  }

  @EventHandler
  void on(TrainingRecorded e, @Timestamp Instant at) {
    sql.update(
        "INSERT INTO plan_training_record (record_id, person, role, plan_id, topic, trained_on,"
            + " valid_until, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        e.recordId(),
        e.person(),
        e.role(),
        e.planId(),
        e.topic(),
        e.trainedOn(),
        e.validUntil(),
        at);
  }

  @EventHandler
  void on(ExercisePlanned e, @Timestamp Instant at) {
    sql.update(
        "INSERT INTO plan_exercise (exercise_id, plan_id, kind, title, scenario_card_id,"
            + " process_ids, participants, planned_for, status, seed_incident_id, script,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        e.exerciseId(),
        e.planId(),
        e.kind(),
        e.title(),
        e.scenarioCardId(),
        Sql.json(e.planProcessIds()),
        Sql.json(e.participants()),
        e.plannedFor(),
        e.seedIncidentId(),
        Sql.json(e.script()),
        at);
  }

  @EventHandler
  void on(ExerciseStarted e, @Timestamp Instant at) {
    sql.update(
        "UPDATE plan_exercise SET status = 'RUNNING', started_at = ?, updated_at = ?"
            + " WHERE exercise_id = ?",
        e.at(),
        at,
        e.exerciseId());
  }

  @EventHandler
  void on(ExerciseStepTimed e, @Timestamp Instant at) {
    List<TimedStep> steps =
        new ArrayList<>(
            sql.one(
                    "SELECT steps FROM plan_exercise WHERE exercise_id = ?",
                    r -> steps(r.getString(1)),
                    e.exerciseId())
                .orElse(List.of()));
    steps.removeIf(s -> s.stepId().equals(e.stepId()));
    steps.add(
        new TimedStep(
            e.stepId(),
            e.title(),
            e.startedAt(),
            e.finishedAt(),
            e.finishedAt() == null ? null : Duration.between(e.startedAt(), e.finishedAt())));
    sql.update(
        "UPDATE plan_exercise SET steps = ?, updated_at = ? WHERE exercise_id = ?",
        Sql.json(steps),
        at,
        e.exerciseId());
  }

  @EventHandler
  void on(ExerciseResultRecorded e, @Timestamp Instant at) {
    sql.update(
        "INSERT INTO plan_exercise_result (exercise_id, process_id, achieved_seconds, findings,"
            + " recorded_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (exercise_id, process_id) DO UPDATE"
            + " SET achieved_seconds = EXCLUDED.achieved_seconds, findings = EXCLUDED.findings,"
            + " recorded_at = EXCLUDED.recorded_at",
        e.exerciseId(),
        e.processId(),
        e.achievedRecoveryTime(),
        Sql.json(e.findings()),
        at);
    sql.update("UPDATE plan_exercise SET updated_at = ? WHERE exercise_id = ?", at, e.exerciseId());
  }

  @EventHandler
  void on(ExerciseCompleted e, @Timestamp Instant at) {
    sql.update(
        "UPDATE plan_exercise SET status = 'COMPLETED', completed_at = ?, updated_at = ?"
            + " WHERE exercise_id = ?",
        e.at(),
        at,
        e.exerciseId());
  }

  @EventHandler
  void on(ReadinessChanged e, @Timestamp Instant at) {
    sql.update(
        "INSERT INTO plan_readiness_state (process_id, status, failing, changed_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (process_id) DO UPDATE SET status = EXCLUDED.status,"
            + " failing = EXCLUDED.failing, changed_at = EXCLUDED.changed_at",
        e.processId(),
        e.outcome(),
        e.failing().stream().map(FailingCheck::check).sorted().collect(Collectors.joining(",")),
        at);
  }

  @QueryHandler
  public Optional<BackupPolicyView> find(FindBackupPolicy q) {
    return sql.one(
        "SELECT * FROM plan_backup_policy WHERE policy_id = ?", this::policy, q.policyId());
  }

  @QueryHandler
  public List<BackupPolicyView> list(ListBackupPolicies q) {
    String[] k = q.after() == null ? null : key(q.after(), 3);
    return page(
        "plan_backup_policy",
        "asset_id",
        q.assetId(),
        "(asset_id, name, policy_id) > (?, ?, ?)",
        k == null ? null : new Object[] {k[0], k[1], k[2]},
        "asset_id, name, policy_id",
        q.limit(),
        this::policy);
  }

  /** The cursor key of a policy in a list. */
  public static String key(BackupPolicyView p) {
    return p.assetId() + SEP + p.name() + SEP + p.id();
  }

  @QueryHandler
  public Optional<RestoreTestView> find(FindRestoreTest q) {
    return sql.one("SELECT * FROM plan_restore_test WHERE test_id = ?", this::test, q.testId());
  }

  @QueryHandler
  public List<RestoreTestView> list(ListRestoreTests q) {
    String[] k = q.after() == null ? null : key(q.after(), 2);
    return page(
        "plan_restore_test",
        "asset_id",
        q.assetId(),
        "(started_at, test_id) < (?::timestamptz, ?)",
        k == null ? null : new Object[] {Instant.parse(k[0]), k[1]},
        "started_at DESC, test_id DESC",
        q.limit(),
        this::test);
  }

  /** The cursor key of a restore test in a list. */
  public static String key(RestoreTestView t) {
    return t.startedAt().toString() + SEP + t.id();
  }

  @QueryHandler
  public Optional<TrainingRecordView> find(FindTrainingRecord q) {
    return sql.one(
        "SELECT * FROM plan_training_record WHERE record_id = ?", this::training, q.recordId());
  }

  @QueryHandler
  public List<TrainingRecordView> list(ListTrainingRecords q) {
    String[] k = q.after() == null ? null : key(q.after(), 2);
    return page(
        "plan_training_record",
        "plan_id",
        q.planId(),
        "(trained_on, record_id) < (?::date, ?)",
        k == null ? null : new Object[] {LocalDate.parse(k[0]), k[1]},
        "trained_on DESC, record_id DESC",
        q.limit(),
        this::training);
  }

  /** The cursor key of a training record in a list. */
  public static String key(TrainingRecordView t) {
    return t.trainedOn().toString() + SEP + t.id();
  }

  @QueryHandler
  public Optional<ExerciseView> find(FindExercise q) {
    return sql.one(
            "SELECT * FROM plan_exercise WHERE exercise_id = ?", this::exercise, q.exerciseId())
        .map(this::withResults);
  }

  @QueryHandler
  public List<ExerciseView> list(ListExercises q) {
    String[] k = q.after() == null ? null : key(q.after(), 2);
    return page(
            "plan_exercise",
            "plan_id",
            q.planId(),
            "(updated_at, exercise_id) < (?::timestamptz, ?)",
            k == null ? null : new Object[] {Instant.parse(k[0]), k[1]},
            "updated_at DESC, exercise_id DESC",
            q.limit(),
            this::exercise)
        .stream()
        .map(this::withResults)
        .toList();
  }

  /**
   * A page of {@code table}, optionally only the rows whose {@code column} is {@code value}, after
   * the cursor ({@code afterCondition} with {@code afterArgs}; none on the first page), in {@code
   * order}, one more than {@code limit} to know whether more follow.
   */
  private <T> List<T> page(
      String table,
      String column,
      String value,
      String afterCondition,
      Object[] afterArgs,
      String order,
      int limit,
      Sql.RowMapper<T> mapper) {
    List<Object> args = new ArrayList<>();
    String where = " WHERE true";
    if (value != null) {
      where += " AND " + column + " = ?";
      args.add(value);
    }
    if (afterArgs != null) {
      where += " AND " + afterCondition;
      args.addAll(Arrays.asList(afterArgs));
    }
    args.add(limit + 1);
    return sql.list(
        "SELECT * FROM " + table + where + " ORDER BY " + order + " LIMIT ?",
        mapper,
        args.toArray());
  }

  /** The cursor key of an exercise in a list. */
  public static String key(ExerciseView x) {
    return x.updatedAt().toString() + SEP + x.id();
  }

  @QueryHandler
  public Boolean known(FindKnownAsset q) {
    return sql.exists(
        "SELECT 1 FROM plan_bia_asset WHERE asset_id = ? AND NOT retired", q.assetId());
  }

  private ExerciseView withResults(ExerciseView x) {
    List<ExerciseResult> results =
        sql.list(
            "SELECT r.process_id, r.achieved_seconds, r.findings, p.rto_seconds"
                + " FROM plan_exercise_result r"
                + " LEFT JOIN plan_known_process p ON p.process_id = r.process_id"
                + " WHERE r.exercise_id = ? ORDER BY r.process_id",
            r -> {
              Duration achieved = Duration.ofSeconds(r.getLong("achieved_seconds"));
              Duration rto = Sql.duration(r, "rto_seconds");
              return new ExerciseResult(
                  r.getString("process_id"),
                  achieved,
                  rto,
                  rto == null ? null : achieved.compareTo(rto) <= 0,
                  strings(r.getString("findings")));
            },
            x.id());
    return new ExerciseView(
        x.id(),
        x.planId(),
        x.kind(),
        x.title(),
        x.scenarioCardId(),
        x.processIds(),
        x.participants(),
        x.plannedFor(),
        x.status(),
        x.startedAt(),
        x.completedAt(),
        x.steps(),
        results,
        x.seedIncidentId(),
        x.script(),
        x.updatedAt());
  }

  private BackupPolicyView policy(ResultSet r) throws SQLException {
    EnumSet<BackupCoverage> covers = EnumSet.noneOf(BackupCoverage.class);
    for (String c : r.getString("covers").split(",")) {
      covers.add(BackupCoverage.valueOf(c));
    }
    return new BackupPolicyView(
        r.getString("policy_id"),
        r.getString("asset_id"),
        r.getString("name"),
        BackupMedia.valueOf(r.getString("media")),
        BackupLocation.valueOf(r.getString("location")),
        BackupType.valueOf(r.getString("backup_type")),
        Sql.duration(r, "frequency_seconds"),
        Sql.duration(r, "retention_seconds"),
        r.getBoolean("immutable"),
        r.getBoolean("offline_copy"),
        covers,
        Sql.duration(r, "restore_test_interval_seconds"),
        Sql.instant(r, "updated_at"));
  }

  private RestoreTestView test(ResultSet r) throws SQLException {
    Instant started = Sql.instant(r, "started_at");
    Instant point = Sql.instant(r, "restore_point");
    String before = r.getString("hash_before");
    String after = r.getString("hash_after");
    return new RestoreTestView(
        r.getString("test_id"),
        r.getString("asset_id"),
        r.getString("policy_id"),
        started,
        point,
        Duration.between(point, started),
        Sql.duration(r, "duration_seconds"),
        before,
        after,
        before == null || after == null ? null : before.equals(after),
        RestoreResult.valueOf(r.getString("result")),
        r.getString("notes"),
        Sql.instant(r, "recorded_at"));
  }

  private TrainingRecordView training(ResultSet r) throws SQLException {
    LocalDate until = r.getObject("valid_until", LocalDate.class);
    return new TrainingRecordView(
        r.getString("record_id"),
        r.getString("person"),
        r.getString("role"),
        r.getString("plan_id"),
        r.getString("topic"),
        r.getObject("trained_on", LocalDate.class),
        until,
        !until.isBefore(LocalDate.now(ZoneOffset.UTC)));
  }

  private ExerciseView exercise(ResultSet r) throws SQLException {
    return new ExerciseView(
        r.getString("exercise_id"),
        r.getString("plan_id"),
        ExerciseKind.valueOf(r.getString("kind")),
        r.getString("title"),
        r.getString("scenario_card_id"),
        strings(r.getString("process_ids")),
        strings(r.getString("participants")),
        Sql.instant(r, "planned_for"),
        ExerciseStatus.valueOf(r.getString("status")),
        Sql.instant(r, "started_at"),
        Sql.instant(r, "completed_at"),
        steps(r.getString("steps")),
        List.of(),
        r.getString("seed_incident_id"),
        Sql.fromJson(r.getString("script"), Sql.JSON.getTypeFactory().constructType(SCRIPT)),
        Sql.instant(r, "updated_at"));
  }

  private static List<String> strings(String json) {
    return Sql.fromJson(json, Sql.JSON.getTypeFactory().constructType(STRINGS));
  }

  private static List<TimedStep> steps(String json) {
    return Sql.fromJson(json, Sql.JSON.getTypeFactory().constructType(STEPS));
  }

  private static String[] key(String after, int parts) {
    String[] k = after.split(String.valueOf(SEP), parts);
    if (k.length != parts) {
      throw new nl.herstel.platform.rest.InvalidRequest(
          List.of(
              new nl.herstel.platform.rest.Problem.FieldError(
                  "cursor", "not a cursor of this list")));
    }
    return k;
  }
}
