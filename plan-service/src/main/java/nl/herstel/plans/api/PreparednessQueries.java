package nl.herstel.plans.api;

/** The queries of backup policies, restore tests, training, exercises and readiness. */
public final class PreparednessQueries {
  private PreparednessQueries() {}

  public record FindBackupPolicy(String policyId) {}

  /** Backup policies by asset and name, optionally of one asset, after a cursor key. */
  public record ListBackupPolicies(String assetId, String after, int limit) {}

  public record FindRestoreTest(String testId) {}

  /** Restore tests newest first, optionally of one asset. */
  public record ListRestoreTests(String assetId, String after, int limit) {}

  public record FindTrainingRecord(String recordId) {}

  /** Training records newest first, optionally of one plan. */
  public record ListTrainingRecords(String planId, String after, int limit) {}

  public record FindExercise(String exerciseId) {}

  /** Exercises most recently changed first. */
  public record ListExercises(String planId, String after, int limit) {}

  /** An incident's timeline, as plan-service's copy of its story knows it. */
  public record FindIncidentTimeline(String incidentId) {}

  /** Whether the BIA copy knows an asset (and it is not retired). */
  public record FindKnownAsset(String assetId) {}

  /** The readiness of one process. */
  public record FindReadiness(String processId) {}

  /** The readiness of the organisation, per plan and per process. */
  public record ListReadiness() {}

  /**
   * The exercises lessons-service asked for, by request id, a page of {@code limit} after {@code
   * after}; optionally of one plan.
   */
  public record ListExerciseRequests(String planId, String after, int limit) {}
}
