package nl.herstel.plans.api;

/** An exercise is planned, runs (its steps are timed) and is completed with results. */
public enum ExerciseStatus {
  PLANNED,
  RUNNING,
  COMPLETED
}
