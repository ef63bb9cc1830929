package nl.herstel.plans.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.herstel.plans.api.ExerciseKind;
import nl.herstel.plans.api.ExerciseStatus;
import nl.herstel.plans.api.IncidentTimeline;
import nl.herstel.plans.api.IncidentTimelines;
import nl.herstel.plans.api.PreparednessCommands.CompleteExercise;
import nl.herstel.plans.api.PreparednessCommands.PlanExercise;
import nl.herstel.plans.api.PreparednessCommands.RecordExerciseResult;
import nl.herstel.plans.api.PreparednessCommands.ReplayInject;
import nl.herstel.plans.api.PreparednessCommands.StartExercise;
import nl.herstel.plans.api.PreparednessCommands.TimeExerciseStep;
import nl.herstel.plans.api.PreparednessEvents.ExerciseCompleted;
import nl.herstel.plans.api.PreparednessEvents.ExercisePlanned;
import nl.herstel.plans.api.PreparednessEvents.ExerciseResultRecorded;
import nl.herstel.plans.api.PreparednessEvents.ExerciseStarted;
import nl.herstel.plans.api.PreparednessEvents.ExerciseStepTimed;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * An exercise of a recovery plan (DOMAIN.md, step 3): planned, running while its steps are timed,
 * completed with a result per process (achieved recovery time against the RTO, findings). Only
 * processes the plan covered when the exercise was planned can have a result. An exercise seeded
 * from a closed incident replays that incident's whole timeline as its script.
 */
public class Exercise {
  @AggregateIdentifier private String exerciseId;
  private String planId;
  private ExerciseKind kind;
  private ExerciseStatus status;
  private String title;
  private String scenarioCardId;
  private List<String> planProcessIds = new ArrayList<>();
  private final Map<String, ExerciseResultRecorded> results = new LinkedHashMap<>();

  protected Exercise() {}

  /**
   * Plans the exercise; with a seed incident its whole timeline, as plan-service heard it, becomes
   * the script in the same command, so an unknown or still open incident stores nothing.
   */
  @CommandHandler
  public Exercise(PlanExercise c, IncidentTimelines timelines) {
    if (c.kind() == null) {
      throw new RuleViolation("kind", "An exercise has a kind");
    }
    List<ReplayInject> script = List.of();
    if (c.seedIncidentId() != null) {
      int compression = c.timeCompression() == null ? 1 : c.timeCompression();
      if (compression < 1) {
        throw new RuleViolation("timeCompression", "A time compression is at least 1");
      }
      IncidentTimeline timeline =
          timelines
              .find(c.seedIncidentId())
              .filter(IncidentTimeline::closed)
              .orElseThrow(
                  () ->
                      new RuleViolation(
                          "seedIncidentId",
                          "Incident " + c.seedIncidentId() + " is not known here as closed"));
      script = IncidentReplay.script(timeline, compression);
    }
    apply(
        new ExercisePlanned(
            c.exerciseId(),
            c.planId(),
            c.planProcessIds(),
            c.kind(),
            c.title().strip(),
            c.scenarioCardId(),
            c.participants(),
            c.plannedFor(),
            c.seedIncidentId(),
            script));
  }

  @CommandHandler
  void handle(StartExercise c) {
    require(ExerciseStatus.PLANNED, "started");
    apply(new ExerciseStarted(exerciseId, c.at()));
  }

  @CommandHandler
  void handle(TimeExerciseStep c) {
    require(ExerciseStatus.RUNNING, "timed");
    if (c.finishedAt() != null && c.finishedAt().isBefore(c.startedAt())) {
      throw new RuleViolation("finishedAt", "A step finishes after it started");
    }
    apply(new ExerciseStepTimed(exerciseId, c.stepId(), c.title(), c.startedAt(), c.finishedAt()));
  }

  @CommandHandler
  void handle(RecordExerciseResult c) {
    require(ExerciseStatus.RUNNING, "given results");
    if (!planProcessIds.contains(c.processId())) {
      throw new RuleViolation(
          "processId", "Process " + c.processId() + " is not covered by plan " + planId);
    }
    if (c.achievedRecoveryTime().isNegative()) {
      throw new RuleViolation("achievedRecoveryTime", "A recovery time is not negative");
    }
    apply(
        new ExerciseResultRecorded(
            exerciseId, c.processId(), c.achievedRecoveryTime(), c.findings()));
  }

  @CommandHandler
  void handle(CompleteExercise c) {
    require(ExerciseStatus.RUNNING, "completed");
    apply(
        new ExerciseCompleted(
            exerciseId,
            planId,
            kind,
            title,
            scenarioCardId,
            List.copyOf(results.values()),
            c.at()));
  }

  @EventSourcingHandler
  void on(ExercisePlanned e) {
    exerciseId = e.exerciseId();
    planId = e.planId();
    kind = e.kind();
    title = e.title();
    scenarioCardId = e.scenarioCardId();
    planProcessIds = new ArrayList<>(e.planProcessIds());
    status = ExerciseStatus.PLANNED;
  }

  @EventSourcingHandler
  void on(ExerciseStarted e) {
    status = ExerciseStatus.RUNNING;
  }

  @EventSourcingHandler
  void on(ExerciseResultRecorded e) {
    results.put(e.processId(), e);
  }

  @EventSourcingHandler
  void on(ExerciseCompleted e) {
    status = ExerciseStatus.COMPLETED;
  }

  private void require(ExerciseStatus expected, String what) {
    if (status != expected) {
      throw new Conflict(
          "Exercise "
              + exerciseId
              + " is "
              + status
              + "; only a "
              + expected
              + " one can be "
              + what);
    }
  }
}
