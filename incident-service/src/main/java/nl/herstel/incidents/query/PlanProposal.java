package nl.herstel.incidents.query;

import java.util.List;
import nl.herstel.incidents.api.IncidentCategory;

/**
 * The recovery plans proposed for an incident, best first, each saying why.
 *
 * @param category the incident's category, or null while it has none
 * @param plans the plans covering at least one disrupted process
 */
public record PlanProposal(String incidentId, IncidentCategory category, List<ProposedPlan> plans) {

  /**
   * A plan that covers disrupted processes.
   *
   * @param rank 1 for the best
   * @param mandate the roles that may activate it
   * @param coveredProcesses the incident's disrupted processes it covers, most urgent first
   * @param cards its scenario cards, those fitting the category first
   * @param why the reasons for its rank, in words
   */
  public record ProposedPlan(
      int rank,
      String planId,
      String name,
      int version,
      List<String> mandate,
      List<ProcessRef> coveredProcesses,
      List<ProposedCard> cards,
      List<String> why) {}

  /** A disrupted process a plan covers. */
  public record ProcessRef(String processId, String name) {}

  /** A scenario card, and whether its scenario fits the incident's category. */
  public record ProposedCard(
      String scenarioCardId, String scenario, String title, List<String> steps, boolean fits) {}
}
