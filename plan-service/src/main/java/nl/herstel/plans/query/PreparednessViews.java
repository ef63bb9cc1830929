package nl.herstel.plans.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.herstel.plans.api.BackupCoverage;
import nl.herstel.plans.api.BackupLocation;
import nl.herstel.plans.api.BackupMedia;
import nl.herstel.plans.api.BackupType;
import nl.herstel.plans.api.ExerciseKind;
import nl.herstel.plans.api.ExerciseStatus;
import nl.herstel.plans.api.RestoreResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How backup policies, restore tests, training records and exercises read. */
public final class PreparednessViews {
  private PreparednessViews() {}

  /**
   * A backup policy of a BIA asset.
   *
   * @param restoreTestInterval how often its restores must be tested; a restore test older than
   *     this no longer counts for readiness
   */
  @Schema(name = "BackupPolicy", description = "A backup policy of a BIA asset")
  public record BackupPolicyView(
      String id,
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
      Duration restoreTestInterval,
      Instant updatedAt) {}

  /**
   * A restore test.
   *
   * @param dataLoss how far back the data came: startedAt minus restorePoint, held against the RPO
   * @param integrityVerified the hash after the restore equals the hash before; absent when either
   *     is missing
   */
  @Schema(name = "RestoreTest", description = "A restore test of a backup policy")
  public record RestoreTestView(
      String id,
      String assetId,
      String policyId,
      Instant startedAt,
      Instant restorePoint,
      Duration dataLoss,
      Duration duration,
      String hashBefore,
      String hashAfter,
      Boolean integrityVerified,
      RestoreResult result,
      String notes,
      Instant recordedAt) {}

  /**
   * A training record.
   *
   * @param person the contact id of the person in the plan's recovery organisation
   * @param current the training is still valid today
   */
  @Schema(name = "TrainingRecord", description = "A person trained for a role of a plan")
  public record TrainingRecordView(
      String id,
      String person,
      String role,
      String planId,
      String topic,
      LocalDate trainedOn,
      LocalDate validUntil,
      boolean current) {}

  /**
   * An exercise with its timed steps and results.
   *
   * @param processIds the processes the plan covered when the exercise was planned: the ones that
   *     can have a result
   */
  @Schema(name = "Exercise", description = "An exercise of a recovery plan")
  public record ExerciseView(
      String id,
      String planId,
      ExerciseKind kind,
      String title,
      String scenarioCardId,
      List<String> processIds,
      List<String> participants,
      Instant plannedFor,
      ExerciseStatus status,
      Instant startedAt,
      Instant completedAt,
      List<TimedStep> steps,
      List<ExerciseResult> results,
      String seedIncidentId,
      List<nl.herstel.plans.api.PreparednessCommands.ReplayInject> script,
      Instant updatedAt) {}

  /** A step of an exercise, timed. */
  @Schema(description = "A timed step of an exercise")
  public record TimedStep(
      String stepId, String title, Instant startedAt, Instant finishedAt, Duration took) {}

  /**
   * The result of a process in an exercise.
   *
   * @param rto the process's RTO now; metRto compares with it
   */
  @Schema(description = "How fast a process was recovered in an exercise")
  public record ExerciseResult(
      String processId,
      Duration achievedRecoveryTime,
      Duration rto,
      Boolean metRto,
      List<String> findings) {}
}
