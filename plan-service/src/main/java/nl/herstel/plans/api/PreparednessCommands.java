package nl.herstel.plans.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of what proves a plan (DOMAIN.md, "Backup strategy" and step 3): backup policies,
 * restore tests, training records and exercises. The REST layer checks what needs the read model
 * (known assets, policies, plans) before sending.
 */
public final class PreparednessCommands {
  private PreparednessCommands() {}

  /** The settings of a backup policy, as registered or revised. */
  public record BackupSettings(
      String assetId,
      String name,
      BackupMedia media,
      BackupLocation location,
      BackupType type,
      Duration frequency,
      Duration retention,
      boolean immutable,
      boolean offlineCopy,
      Set<BackupCoverage> covers,
      Duration restoreTestInterval) {
    public BackupSettings {
      covers = covers == null ? Set.of() : Set.copyOf(covers);
    }
  }

  /** Register a backup policy of a BIA asset. */
  public record RegisterBackupPolicy(
      @TargetAggregateIdentifier String policyId, BackupSettings settings) {}

  /** Replace a backup policy's settings (its asset stays). */
  public record ReviseBackupPolicy(
      @TargetAggregateIdentifier String policyId, BackupSettings settings) {}

  /** Record a restore test of a backup policy's asset. */
  public record RecordRestoreTest(
      @TargetAggregateIdentifier String testId,
      String assetId,
      String policyId,
      Instant startedAt,
      Instant restorePoint,
      Duration duration,
      String hashBefore,
      String hashAfter,
      RestoreResult result,
      String notes) {}

  /** Record that a person was trained for a role of a plan. */
  public record RecordTraining(
      @TargetAggregateIdentifier String recordId,
      String person,
      String role,
      String planId,
      String topic,
      LocalDate trainedOn,
      LocalDate validUntil) {}

  /**
   * Plan an exercise of a plan.
   *
   * @param planProcessIds the processes the plan covers, as the caller found them: results are
   *     accepted for these only
   * @param seedIncidentId the closed past incident the exercise replays; null for none. Its whole
   *     timeline becomes the exercise's script, time compressed
   * @param timeCompression how many times faster than the real incident the replay runs; 1 if null
   */
  public record PlanExercise(
      @TargetAggregateIdentifier String exerciseId,
      String planId,
      List<String> planProcessIds,
      ExerciseKind kind,
      String title,
      String scenarioCardId,
      List<String> participants,
      Instant plannedFor,
      String seedIncidentId,
      Integer timeCompression) {
    public PlanExercise {
      planProcessIds = List.copyOf(planProcessIds);
      participants = participants == null ? List.of() : List.copyOf(participants);
    }
  }

  /**
   * One fact of a past incident replayed in an exercise, as a step of its script: at {@code after}
   * from the start (the real offset from the disruption divided by the compression) this happened
   * in the real incident.
   *
   * @param processId the process it concerns, if one
   * @param realRecoveryTime for a restoration, how long the process took to recover in the real
   *     incident
   * @param kind what kind of fact (decision, plan activation, restoration …); null in exercises
   *     seeded before the whole timeline was replayed, whose injects are all restorations
   * @param happenedAt when it happened in the real incident
   * @param by who did or decided it, if the incident names them
   */
  public record ReplayInject(
      String processId,
      Duration after,
      Duration realRecoveryTime,
      String description,
      IncidentFactKind kind,
      Instant happenedAt,
      String by) {}

  /** Start a planned exercise. */
  public record StartExercise(@TargetAggregateIdentifier String exerciseId, Instant at) {}

  /** Record how long a step of a running exercise took. */
  public record TimeExerciseStep(
      @TargetAggregateIdentifier String exerciseId,
      String stepId,
      String title,
      Instant startedAt,
      Instant finishedAt) {}

  /** Record how fast a process was recovered in a running exercise, and what was found. */
  public record RecordExerciseResult(
      @TargetAggregateIdentifier String exerciseId,
      String processId,
      Duration achievedRecoveryTime,
      List<String> findings) {
    public RecordExerciseResult {
      findings = findings == null ? List.of() : List.copyOf(findings);
    }
  }

  /** Complete a running exercise. */
  public record CompleteExercise(@TargetAggregateIdentifier String exerciseId, Instant at) {}

  /** Announce a process's readiness; a change from the last announced is ReadinessChanged. */
  public record RecordReadiness(
      @TargetAggregateIdentifier String processId,
      String outcome,
      List<PreparednessEvents.FailingCheck> failing) {}
}
