package nl.herstel.plans.command;

import java.util.List;
import nl.herstel.plans.api.PlanCommands.PublishPlan;
import nl.herstel.plans.api.PlanEvents.PlanPublished;
import nl.herstel.plans.api.Scenario;
import nl.herstel.plans.api.ScenarioCard;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecoveryPlanTest {
  private static final ScenarioCard RANSOMWARE =
      new ScenarioCard(
          Scenario.RANSOMWARE,
          "Ransomware on the payments database",
          List.of("Isolate the network segment", "Restore the last clean backup"));

  private AggregateTestFixture<RecoveryPlan> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(RecoveryPlan.class);
  }

  private static PublishPlan plan(
      String name, List<String> processes, List<String> roles, List<ScenarioCard> cards) {
    return new PublishPlan("plan-1", name, processes, roles, cards);
  }

  @Test
  void publishesAPlanAsItsFirstVersion() {
    fixture
        .givenNoPriorActivity()
        .when(
            plan(
                " Payments recovery ",
                List.of("p1", "p2"),
                List.of("incident-commander", "bcm-manager"),
                List.of(RANSOMWARE)))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            new PlanPublished(
                "plan-1",
                "Payments recovery",
                1,
                List.of("p1", "p2"),
                List.of("incident-commander", "bcm-manager"),
                List.of(RANSOMWARE)));
  }

  @Test
  void cannotCoverTheSameProcessTwice() {
    fixture
        .givenNoPriorActivity()
        .when(plan("Payments", List.of("p1", "p1"), List.of("incident-commander"), List.of()))
        .expectException(RuleViolation.class)
        .expectException(
            Matchers.matches(e -> "coveredProcessIds".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  @Test
  void cannotNameAnActivationRoleTwice() {
    fixture
        .givenNoPriorActivity()
        .when(
            plan(
                "Payments",
                List.of("p1"),
                List.of("incident-commander", "incident-commander"),
                List.of()))
        .expectException(
            Matchers.matches(
                e -> e instanceof RuleViolation r && "activationRoles".equals(r.field())))
        .expectNoEvents();
  }

  @Test
  void cannotBeActivatedByAnUnknownRole() {
    fixture
        .givenNoPriorActivity()
        .when(plan("Payments", List.of("p1"), List.of("janitor"), List.of()))
        .expectException(
            Matchers.matches(
                e -> e instanceof RuleViolation r && "activationRoles".equals(r.field())))
        .expectExceptionMessage(Matchers.matches(m -> m.toString().contains("janitor")))
        .expectNoEvents();
  }

  @Test
  void cannotBePublishedWithoutAnyoneToActivateIt() {
    fixture
        .givenNoPriorActivity()
        .when(plan("Payments", List.of("p1"), List.of(), List.of()))
        .expectException(
            Matchers.matches(
                e -> e instanceof RuleViolation r && "activationRoles".equals(r.field())))
        .expectNoEvents();
  }

  @Test
  void needsAName() {
    fixture
        .givenNoPriorActivity()
        .when(plan("  ", List.of("p1"), List.of("incident-commander"), List.of()))
        .expectException(
            Matchers.matches(e -> e instanceof RuleViolation r && "name".equals(r.field())))
        .expectNoEvents();
  }

  @Test
  void coversAtLeastOneProcess() {
    fixture
        .givenNoPriorActivity()
        .when(plan("Payments", List.of(), List.of("incident-commander"), List.of()))
        .expectException(
            Matchers.matches(
                e -> e instanceof RuleViolation r && "coveredProcessIds".equals(r.field())))
        .expectNoEvents();
  }

  @Test
  void aScenarioCardHasAtLeastOneStep() {
    fixture
        .givenNoPriorActivity()
        .when(
            plan(
                "Payments",
                List.of("p1"),
                List.of("incident-commander"),
                List.of(
                    RANSOMWARE, new ScenarioCard(Scenario.FIRE, "Fire in the server room", null))))
        .expectException(
            Matchers.matches(
                e -> e instanceof RuleViolation r && "scenarioCards[1].steps".equals(r.field())))
        .expectNoEvents();
  }
}
