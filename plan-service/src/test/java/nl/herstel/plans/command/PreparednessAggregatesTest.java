package nl.herstel.plans.command;

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
import nl.herstel.plans.api.PreparednessCommands.BackupSettings;
import nl.herstel.plans.api.PreparednessCommands.CompleteExercise;
import nl.herstel.plans.api.PreparednessCommands.RecordExerciseResult;
import nl.herstel.plans.api.PreparednessCommands.RecordReadiness;
import nl.herstel.plans.api.PreparednessCommands.RecordRestoreTest;
import nl.herstel.plans.api.PreparednessCommands.RecordTraining;
import nl.herstel.plans.api.PreparednessCommands.RegisterBackupPolicy;
import nl.herstel.plans.api.PreparednessCommands.ReviseBackupPolicy;
import nl.herstel.plans.api.PreparednessCommands.StartExercise;
import nl.herstel.plans.api.PreparednessEvents.BackupPolicyRegistered;
import nl.herstel.plans.api.PreparednessEvents.BackupPolicyRevised;
import nl.herstel.plans.api.PreparednessEvents.ExerciseCompleted;
import nl.herstel.plans.api.PreparednessEvents.ExercisePlanned;
import nl.herstel.plans.api.PreparednessEvents.ExerciseResultRecorded;
import nl.herstel.plans.api.PreparednessEvents.ExerciseStarted;
import nl.herstel.plans.api.PreparednessEvents.FailingCheck;
import nl.herstel.plans.api.PreparednessEvents.ReadinessChanged;
import nl.herstel.plans.api.RestoreResult;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class PreparednessAggregatesTest {
  private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

  private static BackupSettings settings(String asset, Duration every, Duration restoreTests) {
    return new BackupSettings(
        asset,
        "Nightly",
        BackupMedia.DISK,
        BackupLocation.ONSITE,
        BackupType.FULL,
        every,
        Duration.ofDays(30),
        false,
        false,
        Set.of(BackupCoverage.DATA),
        restoreTests);
  }

  @Test
  void aPolicyWithoutRestoreTestIntervalGetsNinetyDays() {
    new AggregateTestFixture<>(BackupPolicy.class)
        .givenNoPriorActivity()
        .when(new RegisterBackupPolicy("bp", settings("db", Duration.ofDays(1), null)))
        .expectEvents(
            new BackupPolicyRegistered(
                "bp", settings("db", Duration.ofDays(1), Duration.ofDays(90))));
  }

  @Test
  void aRevisedPolicyKeepsItsAsset() {
    new AggregateTestFixture<>(BackupPolicy.class)
        .given(
            new BackupPolicyRegistered(
                "bp", settings("db", Duration.ofDays(1), Duration.ofDays(90))))
        .when(new ReviseBackupPolicy("bp", settings("other", Duration.ofHours(1), null)))
        .expectEvents(
            new BackupPolicyRevised(
                "bp", settings("db", Duration.ofHours(1), Duration.ofDays(90))));
  }

  @Test
  void cannotKeepBackupsShorterThanTheyAreMade() {
    new AggregateTestFixture<>(BackupPolicy.class)
        .givenNoPriorActivity()
        .when(new RegisterBackupPolicy("bp", settings("db", Duration.ofDays(60), null)))
        .expectException(RuleViolation.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("Retention"));
  }

  @Test
  void cannotRecordARestorePointInTheFuture() {
    new AggregateTestFixture<>(RestoreTest.class)
        .givenNoPriorActivity()
        .when(
            new RecordRestoreTest(
                "t",
                "db",
                "bp",
                Instant.now(),
                Instant.now().plusSeconds(3600),
                Duration.ofHours(1),
                null,
                null,
                RestoreResult.SUCCEEDED,
                null))
        .expectException(RuleViolation.class);
  }

  @Test
  void cannotRecordTrainingWithoutARole() {
    new AggregateTestFixture<>(TrainingRecord.class)
        .givenNoPriorActivity()
        .when(
            new RecordTraining(
                "r",
                "ann",
                " ",
                "plan",
                "Drill",
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 1, 1)))
        .expectException(RuleViolation.class);
  }

  private static ExercisePlanned planned() {
    return new ExercisePlanned(
        "x",
        "plan",
        List.of("p1"),
        ExerciseKind.TABLETOP,
        "Drill",
        null,
        List.of("ann"),
        null,
        null,
        List.of());
  }

  @Test
  void aResultForAProcessOutsideThePlanIsRejected() {
    new AggregateTestFixture<>(Exercise.class)
        .given(planned(), new ExerciseStarted("x", AT))
        .when(new RecordExerciseResult("x", "p2", Duration.ofHours(1), List.of()))
        .expectException(RuleViolation.class);
  }

  @Test
  void aPlannedExerciseCannotBeCompleted() {
    new AggregateTestFixture<>(Exercise.class)
        .given(planned())
        .when(new CompleteExercise("x", AT))
        .expectException(Conflict.class);
  }

  @Test
  void completingCarriesEveryResult() {
    ExerciseResultRecorded result =
        new ExerciseResultRecorded("x", "p1", Duration.ofHours(10), List.of("Late"));
    new AggregateTestFixture<>(Exercise.class)
        .given(planned(), new ExerciseStarted("x", AT), result)
        .when(new CompleteExercise("x", AT))
        .expectEvents(
            new ExerciseCompleted(
                "x", "plan", ExerciseKind.TABLETOP, "Drill", null, List.of(result), AT));
  }

  @Test
  void anExerciseStartsOnce() {
    new AggregateTestFixture<>(Exercise.class)
        .given(planned(), new ExerciseStarted("x", AT))
        .when(new StartExercise("x", AT))
        .expectException(Conflict.class);
  }

  @Test
  void theSameReadinessAgainIsNoChange() {
    List<FailingCheck> failing = List.of(new FailingCheck("EXERCISE", "Late at 10:00"));
    new AggregateTestFixture<>(ReadinessRecord.class)
        .given(new ReadinessChanged("p1", "FAIL", failing))
        .when(
            new RecordReadiness(
                "p1", "FAIL", List.of(new FailingCheck("EXERCISE", "Late at 11:00"))))
        .expectNoEvents();
  }

  @Test
  void anotherFailingCheckIsAChange() {
    new AggregateTestFixture<>(ReadinessRecord.class)
        .given(new ReadinessChanged("p1", "FAIL", List.of(new FailingCheck("EXERCISE", "Late"))))
        .when(
            new RecordReadiness(
                "p1", "FAIL", List.of(new FailingCheck("BACKUP_INTERVAL", "Daily"))))
        .expectEvents(
            new ReadinessChanged(
                "p1", "FAIL", List.of(new FailingCheck("BACKUP_INTERVAL", "Daily"))));
  }

  @Test
  void theFirstReadinessIsAnnounced() {
    new AggregateTestFixture<>(ReadinessRecord.class)
        .givenNoPriorActivity()
        .when(new RecordReadiness("p1", "PASS", List.of()))
        .expectEvents(new ReadinessChanged("p1", "PASS", List.of()));
  }
}
