package nl.herstel.incidents.api;

/** The queries the plan copy and the recovery read model answer. */
public final class PlanQueries {
  private PlanQueries() {}

  /** The latest published version of a plan, as copied: answered with an optional PlanCopy. */
  public record FindPlan(String planId) {}

  /**
   * The plans covering the incident's disrupted processes, ranked, with the scenario cards that fit
   * its category: answered with a PlanProposal.
   */
  public record ProposePlans(String incidentId) {}

  /**
   * The plan activated on the incident (its latest activation) with its call tree, teams, mandates
   * and cards: answered with an optional ActivatedPlanView, empty when none was activated.
   */
  public record FindActivatedPlan(String incidentId) {}

  /** The incident's recovery tasks, in the order they were created. */
  public record ListRecoveryTasks(String incidentId, String after, int limit) {}

  /** The incident's category, if it was classified: answered with an optional category. */
  public record FindIncidentCategory(String incidentId) {}
}
