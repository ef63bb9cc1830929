package nl.herstel.contracts.plans;

import java.util.List;
import java.util.Objects;

/**
 * A scenario card (scenariokaart, playbook) in a recovery plan: short step-by-step recovery for one
 * scenario from the threat analysis, such as ransomware or a power failure; see DOMAIN.md, step 2.
 * A value inside {@link PlanPublished}, not an event.
 *
 * @param scenario the scenario the card is for, e.g. {@code ransomware}
 * @param title the card's title
 * @param steps the recovery steps, in order
 */
public record ScenarioCard(String scenario, String title, List<String> steps) {

  public ScenarioCard {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(title, "title");
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
  }
}
