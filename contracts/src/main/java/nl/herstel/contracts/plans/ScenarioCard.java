package nl.herstel.contracts.plans;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A scenario card (scenariokaart, playbook) in a recovery plan: short step-by-step recovery for one
 * scenario from the threat analysis, such as ransomware or a power failure; see DOMAIN.md, step 2.
 * A value inside {@link PlanPublished}, not an event.
 *
 * @param scenario the scenario the card is for, e.g. {@code RANSOMWARE}
 * @param title the card's title
 * @param steps the titles of the recovery steps, in order (what the first consumers read)
 * @param id the card's id, stable from version to version; nullable in events of plans published
 *     before cards had ids
 * @param threatIds the BIA threats the card answers
 * @param stepDetails the steps as objects, in the same order as {@code steps}
 */
public record ScenarioCard(
    String scenario,
    String title,
    List<String> steps,
    String id,
    List<String> threatIds,
    List<Step> stepDetails) {

  public ScenarioCard {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(title, "title");
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    threatIds = threatIds == null ? List.of() : List.copyOf(threatIds);
    stepDetails = stepDetails == null ? List.of() : List.copyOf(stepDetails);
  }

  /** A card as the first plans published it: scenario, title and step titles. */
  public ScenarioCard(String scenario, String title, List<String> steps) {
    this(scenario, title, steps, null, List.of(), List.of());
  }

  /**
   * One step of a card.
   *
   * @param id stable within its card
   * @param title what to do
   * @param instructions how; nullable
   * @param role who does it (a Herstel role or a role of the plan's organisation); nullable
   * @param expectedDuration how long it should take; nullable
   * @param order its position, from 1
   * @param dependsOn ids of the steps of the same card that come first
   */
  public record Step(
      String id,
      String title,
      String instructions,
      String role,
      Duration expectedDuration,
      int order,
      List<String> dependsOn) {
    public Step {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }
  }
}
