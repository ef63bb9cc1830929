package nl.herstel.plans.api;

/** Full, incremental (since the last backup) or differential (since the last full backup). */
public enum BackupType {
  FULL,
  INCREMENTAL,
  DIFFERENTIAL
}
