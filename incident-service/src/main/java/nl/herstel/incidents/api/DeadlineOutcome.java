package nl.herstel.incidents.api;

/**
 * What an incident answers the deadline clock: whether it recorded the breach or overdue event, had
 * recorded it already, or why not. The clock settles its deadline row by this answer.
 */
public enum DeadlineOutcome {
  /** The breach or overdue event was recorded now. */
  RECORDED,
  /** It had been recorded before (a second replica, a retry): nothing new. */
  ALREADY_RECORDED,
  /**
   * The deadline no longer matters: the incident is closed, the process restored, the notification
   * submitted, or the incident a dismissed false positive that was closed.
   */
  NO_LONGER_APPLIES,
  /** The incident is dismissed for now; the deadline counts again if the dismissal is undone. */
  SUSPENDED,
  /** The deadline has not passed yet by the incident's reckoning. */
  NOT_DUE
}
