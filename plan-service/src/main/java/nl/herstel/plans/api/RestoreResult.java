package nl.herstel.plans.api;

/** The outcome of a restore test. */
public enum RestoreResult {
  SUCCEEDED,
  PARTIAL,
  FAILED
}
