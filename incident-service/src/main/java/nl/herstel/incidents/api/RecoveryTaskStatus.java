package nl.herstel.incidents.api;

/**
 * Where a recovery task stands: TODO until someone starts it, IN_PROGRESS, BLOCKED while waiting
 * (on a supplier, a decision), DONE. A done task may be reopened; every change says who and when.
 */
public enum RecoveryTaskStatus {
  TODO,
  IN_PROGRESS,
  BLOCKED,
  DONE
}
