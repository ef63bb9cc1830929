package nl.herstel.contracts.plans;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * An exercise of a recovery plan was completed (DOMAIN.md, "Exercise, test and train"), with how
 * fast each process was recovered and what was found. Lessons learned can hold the results against
 * the RTOs like a real incident's.
 *
 * @param exerciseId the exercise; the subject
 * @param planId the plan exercised
 * @param kind WALKTHROUGH, TABLETOP, SIMULATION or LIVE_RECOVERY
 * @param title the exercise's title
 * @param scenarioCardId the scenario card played; nullable
 * @param results how fast each process was recovered; may be empty
 * @param occurredAt when the exercise was completed
 */
public record ExerciseCompleted(
    String exerciseId,
    String planId,
    String kind,
    String title,
    String scenarioCardId,
    List<Result> results,
    Instant occurredAt)
    implements IntegrationEvent {

  public ExerciseCompleted {
    Objects.requireNonNull(exerciseId, "exerciseId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    results = List.copyOf(Objects.requireNonNull(results, "results"));
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return exerciseId;
  }

  /**
   * How fast a process was recovered in the exercise. A value inside {@link ExerciseCompleted}.
   *
   * @param processId the process
   * @param achievedRecoveryTime how long its recovery took
   * @param findings what the exercise found; may be empty
   */
  public record Result(String processId, Duration achievedRecoveryTime, List<String> findings) {
    public Result {
      Objects.requireNonNull(processId, "processId");
      Objects.requireNonNull(achievedRecoveryTime, "achievedRecoveryTime");
      findings = findings == null ? List.of() : List.copyOf(findings);
    }
  }
}
