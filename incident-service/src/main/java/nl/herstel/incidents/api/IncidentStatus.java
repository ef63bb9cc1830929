package nl.herstel.incidents.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an incident stands (DOMAIN.md, "activation, execution, termination"): REPORTED by the SOC,
 * TRIAGED by the incident commander, PLAN_ACTIVATED, RECOVERING, RECOVERED, and CLOSED when the
 * recovery operation ended; DISMISSED when it turned out a false positive.
 */
public enum IncidentStatus {
  REPORTED,
  TRIAGED,
  PLAN_ACTIVATED,
  RECOVERING,
  RECOVERED,
  DISMISSED,
  CLOSED,
  /** Merged into another incident, which carries on with its alerts; final. */
  MERGED;

  /**
   * The states a transition may lead to from this one. Recovery may relapse (RECOVERED back to
   * RECOVERING, e.g. reinfection) and a dismissal may be taken back (DISMISSED to TRIAGED). CLOSED
   * is reached only through closure, from any state but CLOSED, and is final.
   */
  public Set<IncidentStatus> next() {
    return switch (this) {
      case REPORTED -> EnumSet.of(TRIAGED, DISMISSED);
      case TRIAGED -> EnumSet.of(PLAN_ACTIVATED, RECOVERING, DISMISSED);
      case PLAN_ACTIVATED -> EnumSet.of(RECOVERING, DISMISSED);
      case RECOVERING -> EnumSet.of(RECOVERED);
      case RECOVERED -> EnumSet.of(RECOVERING);
      case DISMISSED -> EnumSet.of(TRIAGED);
      case CLOSED, MERGED -> EnumSet.noneOf(IncidentStatus.class);
    };
  }
}
