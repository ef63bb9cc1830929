package nl.herstel.lessons.command;

import java.time.LocalDate;
import java.util.List;
import nl.herstel.lessons.api.EvaluationCommands.DraftEvaluation;
import nl.herstel.lessons.api.EvaluationCommands.FinaliseEvaluation;
import nl.herstel.lessons.api.EvaluationCommands.ReviseEvaluation;
import nl.herstel.lessons.api.EvaluationContent;
import nl.herstel.lessons.api.EvaluationContent.Participant;
import nl.herstel.lessons.api.EvaluationEvents.EvaluationDrafted;
import nl.herstel.lessons.api.EvaluationEvents.EvaluationFinalised;
import nl.herstel.lessons.api.EvaluationEvents.EvaluationRevised;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.domain.StaleVersion;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  private static final LocalDate HELD = LocalDate.parse("2025-03-10");
  private static final EvaluationContent DRAFT =
      new EvaluationContent("The call tree worked", null, null, null, List.of(), null);
  private static final EvaluationContent COMPLETE =
      new EvaluationContent(
          "The call tree worked",
          "Phishing mail, encrypted payments database, 11h outage",
          "Offline backups",
          "No restore runbook",
          List.of(new Participant("Ann", "incident-commander")),
          HELD);

  private AggregateTestFixture<Evaluation> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Evaluation.class);
  }

  @Test
  void aDraftCanBeRevisedAndThenFinalised() {
    fixture
        .given(new EvaluationDrafted("e1", "i1", DRAFT))
        .when(new ReviseEvaluation("e1", "i1", COMPLETE, 0L))
        .expectEvents(new EvaluationRevised("e1", "i1", COMPLETE));
    fixture
        .given(
            new EvaluationDrafted("e1", "i1", DRAFT), new EvaluationRevised("e1", "i1", COMPLETE))
        .when(new FinaliseEvaluation("e1", "i1", 1L))
        .expectEvents(new EvaluationFinalised("e1", "i1"));
  }

  @Test
  void aStaleVersionIsRefused() {
    fixture
        .given(new EvaluationDrafted("e1", "i1", DRAFT), new EvaluationRevised("e1", "i1", DRAFT))
        .when(new ReviseEvaluation("e1", "i1", COMPLETE, 0L))
        .expectException(StaleVersion.class);
  }

  @Test
  void aFinalEvaluationNoLongerChanges() {
    fixture
        .given(new EvaluationDrafted("e1", "i1", COMPLETE), new EvaluationFinalised("e1", "i1"))
        .when(new ReviseEvaluation("e1", "i1", DRAFT, null))
        .expectException(Conflict.class);
    fixture
        .given(new EvaluationDrafted("e1", "i1", COMPLETE), new EvaluationFinalised("e1", "i1"))
        .when(new FinaliseEvaluation("e1", "i1", null))
        .expectException(Conflict.class);
  }

  @Test
  void cannotFinaliseWithoutCauseAndDamage() {
    fixture
        .given(new EvaluationDrafted("e1", "i1", DRAFT))
        .when(new FinaliseEvaluation("e1", "i1", null))
        .expectException(RuleViolation.class)
        .expectExceptionMessage("A final evaluation states the cause and the damage");
  }

  @Test
  void anEvaluationOfAnotherIncidentIsNotFound() {
    fixture
        .given(new EvaluationDrafted("e1", "i1", DRAFT))
        .when(new ReviseEvaluation("e1", "i2", COMPLETE, null))
        .expectException(NotFound.class);
  }

  @Test
  void cannotBeHeldInTheFuture() {
    fixture
        .givenNoPriorActivity()
        .when(
            new DraftEvaluation(
                "e1",
                "i1",
                new EvaluationContent(
                    null, null, null, null, List.of(), LocalDate.now().plusDays(30))))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }
}
