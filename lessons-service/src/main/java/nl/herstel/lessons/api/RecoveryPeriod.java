package nl.herstel.lessons.api;

/** The size of a trend bucket of recovery information: a month, a quarter or a year (UTC). */
public enum RecoveryPeriod {
  MONTH,
  QUARTER,
  YEAR
}
