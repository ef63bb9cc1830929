package nl.herstel.plans.command;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.herstel.plans.api.ChannelKind;
import nl.herstel.plans.api.MandateKind;
import nl.herstel.plans.api.PlanCommands.CreatePlan;
import nl.herstel.plans.api.PlanCommands.RequestPlanReview;
import nl.herstel.plans.api.PlanCommands.RevisePlan;
import nl.herstel.plans.api.PlanCommands.TransitionPlan;
import nl.herstel.plans.api.PlanContent;
import nl.herstel.plans.api.PlanContent.CallTreeEntry;
import nl.herstel.plans.api.PlanContent.Contact;
import nl.herstel.plans.api.PlanContent.ContactChannel;
import nl.herstel.plans.api.PlanContent.Mandate;
import nl.herstel.plans.api.PlanContent.SupplierAgreement;
import nl.herstel.plans.api.PlanContent.Team;
import nl.herstel.plans.api.PlanContent.TeamMember;
import nl.herstel.plans.api.PlanEvents.PlanContentRevised;
import nl.herstel.plans.api.PlanEvents.PlanDrafted;
import nl.herstel.plans.api.PlanEvents.PlanPublished;
import nl.herstel.plans.api.PlanEvents.PlanReviewRequested;
import nl.herstel.plans.api.PlanEvents.PlanStatusChanged;
import nl.herstel.plans.api.PlanEvents.PlanVersionPublished;
import nl.herstel.plans.api.PlanStatus;
import nl.herstel.plans.api.Scenario;
import nl.herstel.plans.api.ScenarioCard;
import nl.herstel.plans.api.Step;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecoveryPlanTest {
  private static final LocalDate DUE = LocalDate.of(2027, 6, 1);
  private static final ScenarioCard RANSOMWARE =
      ScenarioCard.of(
          Scenario.RANSOMWARE,
          "Ransomware on the payments database",
          List.of("Isolate the network segment", "Restore the last clean backup"));

  private AggregateTestFixture<RecoveryPlan> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(RecoveryPlan.class);
  }

  private static PlanContent content(
      String name, List<String> processes, List<String> roles, List<ScenarioCard> cards) {
    return new PlanContent(
        name, null, null, processes, roles, null, null, null, null, null, null, null, null, cards,
        DUE);
  }

  private static PlanContent content(List<ScenarioCard> cards) {
    return content("Payments", List.of("p1"), List.of("incident-commander"), cards);
  }

  private static CreatePlan publish(PlanContent content) {
    return new CreatePlan("plan-1", content, true, null);
  }

  private static org.hamcrest.Matcher<?> field(String field) {
    return Matchers.matches(e -> e instanceof RuleViolation r && field.equals(r.field()));
  }

  @Test
  void publishesAPlanAsItsFirstVersionWithStableCardAndStepIds() {
    PlanContent given =
        content(
            " Payments recovery ",
            List.of("p1", "p2"),
            List.of("incident-commander", "bcm-manager"),
            List.of(RANSOMWARE));
    PlanContent stored =
        content(
                "Payments recovery",
                List.of("p1", "p2"),
                List.of("incident-commander", "bcm-manager"),
                List.of())
            .withScenarioCards(ScenarioCard.identified(List.of(RANSOMWARE)));
    fixture
        .givenNoPriorActivity()
        .when(publish(given))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new PlanVersionPublished("plan-1", 1, stored, "Published"));
    ScenarioCard card = stored.scenarioCards().get(0);
    org.assertj.core.api.Assertions.assertThat(card.id()).isEqualTo("ransomware");
    org.assertj.core.api.Assertions.assertThat(card.steps())
        .extracting(Step::id)
        .containsExactly("step-1", "step-2");
  }

  @Test
  void aDraftGoesThroughReviewAndApprovalToPublication() {
    PlanContent draft =
        content(List.of(RANSOMWARE))
            .withScenarioCards(ScenarioCard.identified(List.of(RANSOMWARE)));
    fixture
        .given(
            new PlanDrafted("plan-1", 1, draft, "Drafted"),
            new PlanStatusChanged(
                "plan-1", 2, "Payments", PlanStatus.DRAFT, PlanStatus.IN_REVIEW, "review"),
            new PlanStatusChanged(
                "plan-1", 3, "Payments", PlanStatus.IN_REVIEW, PlanStatus.APPROVED, "ok"))
        .when(new TransitionPlan("plan-1", PlanStatus.PUBLISHED, 3L, "go"))
        .expectEvents(new PlanVersionPublished("plan-1", 4, draft, "go"));
  }

  @Test
  void cannotPublishADraftThatWasNotReviewed() {
    fixture
        .given(new PlanDrafted("plan-1", 1, content(List.of()), "Drafted"))
        .when(new TransitionPlan("plan-1", PlanStatus.PUBLISHED, null, null))
        .expectException(field("to"))
        .expectNoEvents();
  }

  @Test
  void aChangeOnAnOlderVersionIsAConflict() {
    fixture
        .given(new PlanDrafted("plan-1", 1, content(List.of()), "Drafted"))
        .when(new RevisePlan("plan-1", content(List.of()), 7L, null))
        .expectException(Conflict.class)
        .expectNoEvents();
  }

  @Test
  void revisingAPublishedPlanMakesANewDraftVersion() {
    PlanContent published = content(List.of());
    PlanContent next =
        content("Payments v2", List.of("p1"), List.of("incident-commander"), List.of());
    fixture
        .given(new PlanVersionPublished("plan-1", 1, published, "Published"))
        .when(new RevisePlan("plan-1", next, 1L, "targets changed"))
        .expectEvents(new PlanContentRevised("plan-1", 2, next, "targets changed"));
  }

  @Test
  void aReviewRequestIsRecordedOnceUntilTheNextPublication() {
    PlanContent published = content(List.of());
    fixture
        .given(
            new PlanVersionPublished("plan-1", 1, published, "Published"),
            new PlanReviewRequested("plan-1", 1, "Payments", DUE, "process:p1", "RTO changed"))
        .when(new RequestPlanReview("plan-1", "process:p1", "RTO changed"))
        .expectNoEvents();
  }

  @Test
  void aPlanFromTheFirstVersionsIsStillRead() {
    fixture
        .given(
            new PlanPublished(
                "plan-1",
                "Payments",
                1,
                List.of("p1"),
                List.of("incident-commander"),
                List.of(RANSOMWARE)))
        .when(new TransitionPlan("plan-1", PlanStatus.RETIRED, 1L, "replaced"))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void aStepCannotDependOnAnUnknownStep() {
    ScenarioCard card =
        new ScenarioCard(
            null,
            Scenario.RANSOMWARE,
            "Ransomware",
            List.of(),
            List.of(
                new Step("isolate", "Isolate", null, null, null, null, List.of()),
                new Step("restore", "Restore", null, null, null, null, List.of("decrypt"))));
    fixture
        .givenNoPriorActivity()
        .when(publish(content(List.of(card))))
        .expectException(field("scenarioCards[0].steps[1].dependsOn"))
        .expectNoEvents();
  }

  @Test
  void stepsCannotDependOnEachOtherInACycle() {
    ScenarioCard card =
        new ScenarioCard(
            null,
            Scenario.DDOS,
            "DDoS",
            List.of(),
            List.of(
                new Step("a", "A", null, null, null, null, List.of("c")),
                new Step("b", "B", null, null, null, null, List.of("a")),
                new Step("c", "C", null, null, null, null, List.of("b"))));
    fixture
        .givenNoPriorActivity()
        .when(publish(content(List.of(card))))
        .expectException(field("scenarioCards[0].steps"))
        .expectExceptionMessage(Matchers.matches(m -> m.toString().contains("a → c → b → a")))
        .expectNoEvents();
  }

  @Test
  void aMandateNamesAKnownRole() {
    PlanContent withMandate =
        new PlanContent(
            "Payments",
            null,
            null,
            List.of("p1"),
            List.of("incident-commander"),
            null,
            null,
            List.of(new Mandate("janitor", MandateKind.DISCONNECT, null)),
            null,
            null,
            null,
            null,
            null,
            null,
            DUE);
    fixture
        .givenNoPriorActivity()
        .when(publish(withMandate))
        .expectException(field("mandates[0].role"))
        .expectNoEvents();
  }

  @Test
  void aMandateMayNameARoleOfThePlansTeams() {
    Contact ann =
        new Contact(
            "ann", "Ann", null, null, List.of(new ContactChannel(ChannelKind.PHONE, "+31 6")));
    PlanContent plan =
        new PlanContent(
            "Payments",
            null,
            null,
            List.of("p1"),
            List.of("incident-commander"),
            null,
            null,
            List.of(new Mandate("network-lead", MandateKind.DISCONNECT, "any segment")),
            List.of(ann),
            List.of(
                new Team(
                    "net",
                    "Network",
                    nl.herstel.plans.api.TeamKind.NETWORK,
                    List.of(new TeamMember("ann", "network-lead", null)))),
            List.of(new CallTreeEntry("ann", Duration.ofMinutes(15), null)),
            null,
            null,
            null,
            DUE);
    fixture.givenNoPriorActivity().when(publish(plan)).expectSuccessfulHandlerExecution();
  }

  @Test
  void aCallTreeReachesSomeoneOutOfBand() {
    Contact mailOnly =
        new Contact(
            "bob", "Bob", null, null, List.of(new ContactChannel(ChannelKind.EMAIL, "b@x")));
    PlanContent plan =
        new PlanContent(
            "Payments",
            null,
            null,
            List.of("p1"),
            List.of("incident-commander"),
            null,
            null,
            null,
            List.of(mailOnly),
            null,
            List.of(new CallTreeEntry("bob", null, null)),
            null,
            null,
            null,
            DUE);
    fixture
        .givenNoPriorActivity()
        .when(publish(plan))
        .expectException(field("callTree"))
        .expectNoEvents();
  }

  @Test
  void aSupplierCallListWithAgreementsIsAValidPlan() {
    Contact desk =
        new Contact(
            "desk",
            "Hosting desk",
            "HostCo",
            null,
            List.of(new ContactChannel(ChannelKind.PHONE, "+31 20")));
    PlanContent minimal =
        new PlanContent(
            "Call list",
            null,
            null,
            null,
            List.of("incident-commander"),
            null,
            null,
            null,
            List.of(desk),
            null,
            List.of(new CallTreeEntry("desk", null, null)),
            List.of(
                new SupplierAgreement(
                    "hostco",
                    "HostCo",
                    null,
                    "Restores the servers",
                    "C-1",
                    "SLA-1",
                    Duration.ofHours(4),
                    "desk")),
            null,
            null,
            DUE);
    fixture.givenNoPriorActivity().when(publish(minimal)).expectSuccessfulHandlerExecution();
  }

  @Test
  void cannotCoverTheSameProcessTwice() {
    fixture
        .givenNoPriorActivity()
        .when(
            publish(
                content("Payments", List.of("p1", "p1"), List.of("incident-commander"), List.of())))
        .expectException(field("coveredProcessIds"))
        .expectNoEvents();
  }

  @Test
  void cannotBeActivatedByAnUnknownRole() {
    fixture
        .givenNoPriorActivity()
        .when(publish(content("Payments", List.of("p1"), List.of("janitor"), List.of())))
        .expectException(field("activationRoles"))
        .expectExceptionMessage(Matchers.matches(m -> m.toString().contains("janitor")))
        .expectNoEvents();
  }

  @Test
  void coversAProcessOrIsASupplierCallList() {
    fixture
        .givenNoPriorActivity()
        .when(publish(content("Payments", List.of(), List.of("incident-commander"), List.of())))
        .expectException(field("coveredProcessIds"))
        .expectNoEvents();
  }

  @Test
  void needsAName() {
    fixture
        .givenNoPriorActivity()
        .when(publish(content("  ", List.of("p1"), List.of("incident-commander"), List.of())))
        .expectException(field("name"))
        .expectNoEvents();
  }

  @Test
  void aDraftIsNotPublishedWhenCreated() {
    PlanContent draft = content(List.of());
    fixture
        .givenNoPriorActivity()
        .when(new CreatePlan("plan-1", draft, false, null))
        .expectEvents(new PlanDrafted("plan-1", 1, draft, "Drafted"));
  }
}
