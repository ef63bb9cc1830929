package nl.herstel.incidents.api;

/**
 * Where an incident stands. REPORTED: opened from a SOC alert, recovery not yet ended; CLOSED: the
 * recovery operation ended (DOMAIN.md, "activation, execution, termination").
 */
public enum IncidentStatus {
  REPORTED,
  CLOSED
}
