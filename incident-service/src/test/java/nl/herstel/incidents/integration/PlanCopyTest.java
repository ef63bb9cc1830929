package nl.herstel.incidents.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.herstel.contracts.plans.ScenarioCard;
import org.junit.jupiter.api.Test;

class PlanCopyTest {
  @Test
  void cardIdsComeFromTheScenarioAndAreUniqueWithinThePlan() {
    assertThat(
            PlanCopy.cardIds(
                List.of(
                    new ScenarioCard("Ransomware", "A", List.of()),
                    new ScenarioCard("Power failure!", "B", List.of()),
                    new ScenarioCard("ransomware", "C", List.of()),
                    new ScenarioCard("???", "D", List.of()))))
        .containsExactly("ransomware", "power-failure", "ransomware-2", "card-4");
  }

  @Test
  void cardIdsAreThePlansOwnWhenEveryCardHasOne() {
    assertThat(
            PlanCopy.cardIds(
                List.of(
                    new ScenarioCard(
                        "RANSOMWARE", "A", List.of(), "payments", List.of(), List.of()),
                    new ScenarioCard(
                        "RANSOMWARE", "B", List.of(), "backoffice", List.of(), List.of()))))
        .containsExactly("payments", "backoffice");
  }
}
