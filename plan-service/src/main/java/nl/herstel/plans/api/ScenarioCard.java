package nl.herstel.plans.api;

import java.util.List;

/**
 * A scenario card (scenariokaart, playbook) inside a recovery plan: short step-by-step recovery for
 * one scenario; see DOMAIN.md, step 2. Real incidents rarely fit a card exactly.
 *
 * @param scenario the scenario the card is for
 * @param title the card's title
 * @param steps the recovery steps, in order
 */
public record ScenarioCard(Scenario scenario, String title, List<String> steps) {
  public ScenarioCard {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }
}
