package nl.herstel.lessons.api;

/** How urgent an improvement action is. */
public enum ActionPriority {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
