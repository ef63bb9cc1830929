package nl.herstel.incidents.api;

/**
 * How an incident's notification clocks stand: the duty to notify outlives the recovery operation,
 * but not a false positive.
 */
public enum NotificationClock {
  /** The clocks run, also after closure. */
  RUNNING,
  /** The incident is dismissed for now: no notification becomes overdue until that is undone. */
  SUSPENDED,
  /** The incident was closed while dismissed, a false positive: its clocks stopped for good. */
  STOPPED
}
