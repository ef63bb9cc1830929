package nl.herstel.incidents.api;

/** What an incident's cost was spent on; lessons learned totals them per kind. */
public enum CostKind {
  LEGAL,
  HARDWARE,
  SOFTWARE,
  LABOUR,
  OTHER
}
