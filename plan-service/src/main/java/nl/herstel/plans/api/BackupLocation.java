package nl.herstel.plans.api;

/**
 * Where a backup copy is kept: on site, off site, or offline (out of reach of the network, e.g. of
 * ransomware).
 */
public enum BackupLocation {
  ONSITE,
  OFFSITE,
  OFFLINE
}
