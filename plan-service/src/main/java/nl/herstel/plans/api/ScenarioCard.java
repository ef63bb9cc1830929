package nl.herstel.plans.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A scenario card (scenariokaart, playbook) inside a recovery plan: short step-by-step recovery for
 * one scenario from the threat analysis; see DOMAIN.md, step 2. Its id stays the same from version
 * to version, so an incident that activated it, and its tasks, keep pointing at it.
 *
 * @param id stable id; when absent, derived from the scenario ({@code ransomware}, {@code
 *     ransomware-2}) as incident-service derived it before cards had ids
 * @param scenario the scenario the card is for
 * @param title the card's title
 * @param threatIds the BIA threats (dreigingsanalyse) this card answers
 * @param steps the recovery steps
 */
@Schema(description = "A scenario card: step-by-step recovery for one scenario")
public record ScenarioCard(
    @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String id,
    @NotNull Scenario scenario,
    @NotBlank @Size(max = 200) String title,
    @Size(max = 20) List<@NotBlank @Size(max = 64) String> threatIds,
    @NotEmpty @Size(max = 200) List<@NotNull @Valid Step> steps) {

  @JsonCreator
  public ScenarioCard {
    threatIds = threatIds == null ? List.of() : List.copyOf(threatIds);
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** A card as the first plans wrote it: scenario, title and its steps' titles. */
  public static ScenarioCard of(Scenario scenario, String title, List<String> steps) {
    return new ScenarioCard(
        null,
        scenario,
        title,
        List.of(),
        steps == null ? null : steps.stream().map(Step::of).toList());
  }

  /** The cards with every id and step id filled in, their steps' order counted from 1. */
  public static List<ScenarioCard> identified(List<ScenarioCard> cards) {
    Set<String> taken = new HashSet<>();
    for (ScenarioCard card : cards) {
      if (card != null && card.id() != null) {
        taken.add(card.id());
      }
    }
    List<ScenarioCard> result = new ArrayList<>();
    for (int i = 0; i < cards.size(); i++) {
      ScenarioCard card = cards.get(i);
      if (card == null) {
        result.add(null);
        continue;
      }
      String id = card.id();
      if (id == null) {
        String base =
            card.scenario() == null
                ? ""
                : card.scenario().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (base.isEmpty()) {
          base = "card-" + (i + 1);
        }
        id = base;
        for (int n = 2; !taken.add(id); n++) {
          id = base + "-" + n;
        }
      }
      List<Step> steps = new ArrayList<>();
      for (int j = 0; j < card.steps().size(); j++) {
        Step step = card.steps().get(j);
        steps.add(
            step == null
                ? null
                : new Step(
                    step.id() == null ? "step-" + (j + 1) : step.id(),
                    step.title(),
                    step.instructions(),
                    step.role(),
                    step.expectedDuration(),
                    step.order() == null ? j + 1 : step.order(),
                    step.dependsOn()));
      }
      result.add(new ScenarioCard(id, card.scenario(), card.title(), card.threatIds(), steps));
    }
    return result;
  }
}
