package nl.herstel.plans.api;

/** What a backup is written to (DOMAIN.md, "Backup strategy"). */
public enum BackupMedia {
  SNAPSHOT,
  DISK,
  TAPE,
  CLOUD
}
