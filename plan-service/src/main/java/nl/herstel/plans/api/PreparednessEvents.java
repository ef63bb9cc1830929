package nl.herstel.plans.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.herstel.plans.api.PreparednessCommands.BackupSettings;
import org.axonframework.serialization.Revision;

/** The events of backup policies, restore tests, training records and exercises. */
public final class PreparednessEvents {
  private PreparednessEvents() {}

  @Revision("1")
  public record BackupPolicyRegistered(String policyId, BackupSettings settings) {}

  @Revision("1")
  public record BackupPolicyRevised(String policyId, BackupSettings settings) {}

  /**
   * A restore test was recorded.
   *
   * @param startedAt when the restore began: the moment of the simulated loss
   * @param restorePoint the moment the data was restored to; {@code startedAt - restorePoint} is
   *     the data lost, held against the RPO
   * @param duration how long the restore took, held against the RTO
   */
  @Revision("1")
  public record RestoreTestRecorded(
      String testId,
      String assetId,
      String policyId,
      Instant startedAt,
      Instant restorePoint,
      Duration duration,
      String hashBefore,
      String hashAfter,
      RestoreResult result,
      String notes) {}

  @Revision("1")
  public record TrainingRecorded(
      String recordId,
      String person,
      String role,
      String planId,
      String topic,
      LocalDate trainedOn,
      LocalDate validUntil) {}

  @Revision("1")
  public record ExercisePlanned(
      String exerciseId,
      String planId,
      List<String> planProcessIds,
      ExerciseKind kind,
      String title,
      String scenarioCardId,
      List<String> participants,
      Instant plannedFor,
      String seedIncidentId,
      List<PreparednessCommands.ReplayInject> script) {}

  @Revision("1")
  public record ExerciseStarted(String exerciseId, Instant at) {}

  @Revision("1")
  public record ExerciseStepTimed(
      String exerciseId, String stepId, String title, Instant startedAt, Instant finishedAt) {}

  @Revision("1")
  public record ExerciseResultRecorded(
      String exerciseId, String processId, Duration achievedRecoveryTime, List<String> findings) {}

  /** An exercise was completed; carries every result so a consumer needs nothing else. */
  @Revision("1")
  public record ExerciseCompleted(
      String exerciseId,
      String planId,
      ExerciseKind kind,
      String title,
      String scenarioCardId,
      List<ExerciseResultRecorded> results,
      Instant at) {}

  /** A process's readiness changed; the failing checks with their reasons. */
  @Revision("1")
  public record ReadinessChanged(String processId, String outcome, List<FailingCheck> failing) {}

  /** A failing readiness check. */
  public record FailingCheck(String check, String reason) {}
}
