package nl.herstel.plans.query;

/** Whether a published recovery plan covers a business process. */
public enum CoverageStatus {
  /** At least one published plan recovers the process. */
  COVERED,
  /** No published plan recovers the process: a gap in the recovery capability. */
  NOT_COVERED
}
