package nl.herstel.contracts.incidents;

/** How badly an incident disrupts the organisation, as judged when it is opened. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
