package nl.herstel.incidents.query;

import java.util.List;

/**
 * The latest published version of a recovery plan, as incident-service copied it.
 *
 * @param activationRoles the roles the plan names to activate it, possibly none
 * @param mandate who may activate it: the roles it names, or the incident commander when it names
 *     none (DOMAIN.md: "who may invoke the plan")
 * @param cards its scenario cards, in the plan's order
 */
public record PlanCopyView(
    String planId,
    String name,
    int version,
    List<String> activationRoles,
    List<String> mandate,
    List<String> coveredProcessIds,
    List<Card> cards) {

  /** A scenario card; its id is derived from its scenario, unique within the plan. */
  public record Card(String scenarioCardId, String scenario, String title, List<String> steps) {}

  /** The card with this id, or null. */
  public Card card(String scenarioCardId) {
    return cards.stream()
        .filter(c -> c.scenarioCardId().equals(scenarioCardId))
        .findFirst()
        .orElse(null);
  }
}
