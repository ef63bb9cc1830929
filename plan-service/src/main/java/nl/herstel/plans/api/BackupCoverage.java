package nl.herstel.plans.api;

/**
 * What a backup policy covers: the data, and the system and network configuration the guide asks to
 * back up too.
 */
public enum BackupCoverage {
  DATA,
  SYSTEM_CONFIGURATION,
  NETWORK_CONFIGURATION
}
