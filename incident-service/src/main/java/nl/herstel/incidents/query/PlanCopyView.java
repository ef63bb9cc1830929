package nl.herstel.incidents.query;

import java.time.LocalDate;
import java.util.List;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.contracts.plans.ScenarioCard;

/**
 * The latest published version of a recovery plan, as incident-service copied it.
 *
 * @param activationRoles the roles the plan names to activate it, possibly none
 * @param mandate who may activate it: the roles it names, or the incident commander when it names
 *     none (DOMAIN.md: "who may invoke the plan")
 * @param cards its scenario cards, in the plan's order
 * @param details what the recovery team needs at hand: criteria, decision mandates, teams and the
 *     call tree (empty for plans published before plans carried them)
 */
public record PlanCopyView(
    String planId,
    String name,
    int version,
    List<String> activationRoles,
    List<String> mandate,
    List<String> coveredProcessIds,
    List<Card> cards,
    Details details) {

  /** A plan copy without details. */
  public PlanCopyView(
      String planId,
      String name,
      int version,
      List<String> activationRoles,
      List<String> mandate,
      List<String> coveredProcessIds,
      List<Card> cards) {
    this(planId, name, version, activationRoles, mandate, coveredProcessIds, cards, Details.NONE);
  }

  /**
   * A scenario card; its id is the plan's card id, or derived from its scenario for plans that gave
   * none, unique within the plan.
   *
   * @param steps the steps' titles, in order
   * @param stepDetails the steps as objects (role, duration, dependencies), when the plan gave them
   */
  public record Card(
      String scenarioCardId,
      String scenario,
      String title,
      List<String> steps,
      List<ScenarioCard.Step> stepDetails) {

    /** A card whose steps are only titles. */
    public Card(String scenarioCardId, String scenario, String title, List<String> steps) {
      this(scenarioCardId, scenario, title, steps, List.of());
    }

    /** The role a step names, or null. */
    public String role(int step) {
      return step < stepDetails.size() ? stepDetails.get(step).role() : null;
    }
  }

  /** What a recovery team needs at hand, in the contract's shape. */
  public record Details(
      String owner,
      List<String> activationCriteria,
      List<String> terminationCriteria,
      List<PlanPublished.Mandate> mandates,
      List<PlanPublished.Team> teams,
      List<PlanPublished.CallTreeEntry> callTree,
      LocalDate reviewDue) {
    /** No details: a plan published before plans carried them. */
    public static final Details NONE =
        new Details(null, List.of(), List.of(), List.of(), List.of(), List.of(), null);

    public Details {
      activationCriteria = activationCriteria == null ? List.of() : List.copyOf(activationCriteria);
      terminationCriteria =
          terminationCriteria == null ? List.of() : List.copyOf(terminationCriteria);
      mandates = mandates == null ? List.of() : List.copyOf(mandates);
      teams = teams == null ? List.of() : List.copyOf(teams);
      callTree = callTree == null ? List.of() : List.copyOf(callTree);
    }
  }

  /** The card with this id, or null. */
  public Card card(String scenarioCardId) {
    return cards.stream()
        .filter(c -> c.scenarioCardId().equals(scenarioCardId))
        .findFirst()
        .orElse(null);
  }
}
