package nl.herstel.plans.api;

/**
 * The forms of exercising a plan (DOMAIN.md, step 3), from talking it through to a live recovery.
 */
public enum ExerciseKind {
  WALKTHROUGH,
  TABLETOP,
  SIMULATION,
  LIVE_RECOVERY
}
