package nl.herstel.lessons.command;

import java.time.LocalDate;
import nl.herstel.lessons.api.ActionDetails;
import nl.herstel.lessons.api.ActionPriority;
import nl.herstel.lessons.api.ActionStatus;
import nl.herstel.lessons.api.ActionTarget;
import nl.herstel.lessons.api.ImprovementCommands.AddProgressNote;
import nl.herstel.lessons.api.ImprovementCommands.ChangeActionStatus;
import nl.herstel.lessons.api.ImprovementCommands.ReviseImprovementAction;
import nl.herstel.lessons.api.ImprovementEvents.ActionStatusChanged;
import nl.herstel.lessons.api.ImprovementEvents.ImprovementActionRecorded;
import nl.herstel.lessons.api.ImprovementEvents.ImprovementActionRevised;
import nl.herstel.lessons.api.ImprovementEvents.ProgressNoteAdded;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;
import nl.herstel.platform.domain.StaleVersion;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImprovementActionTest {
  private static final ActionDetails DETAILS =
      new ActionDetails(
          "Keep an offline copy",
          null,
          "CFO",
          LocalDate.parse("2025-04-01"),
          ActionPriority.HIGH,
          new ActionTarget(ActionTarget.Kind.PLAN, "plan-1", null));
  private static final ImprovementActionRecorded RECORDED =
      new ImprovementActionRecorded("a1", DETAILS, "i1", null);

  private AggregateTestFixture<ImprovementAction> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ImprovementAction.class);
  }

  @Test
  void aPatchKeepsWhatItLeavesOut() {
    ActionDetails change =
        new ActionDetails(null, "Immutable snapshots", null, null, ActionPriority.CRITICAL, null);
    fixture
        .given(RECORDED)
        .when(new ReviseImprovementAction("a1", change, 0L))
        .expectEvents(
            new ImprovementActionRevised(
                "a1",
                new ActionDetails(
                    DETAILS.title(),
                    "Immutable snapshots",
                    DETAILS.owner(),
                    DETAILS.due(),
                    ActionPriority.CRITICAL,
                    DETAILS.target()),
                ActionStatus.OPEN,
                "i1",
                null));
  }

  @Test
  void goesThroughItsStatuses() {
    fixture
        .given(RECORDED)
        .when(new ChangeActionStatus("a1", ActionStatus.IN_PROGRESS, null, null))
        .expectEvents(
            new ActionStatusChanged(
                "a1", ActionStatus.OPEN, ActionStatus.IN_PROGRESS, null, DETAILS, "i1", null));
  }

  @Test
  void wontDoNeedsAReason() {
    fixture
        .given(RECORDED)
        .when(new ChangeActionStatus("a1", ActionStatus.WONT_DO, " ", null))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void aDoneActionIsFinal() {
    ActionStatusChanged done =
        new ActionStatusChanged(
            "a1", ActionStatus.OPEN, ActionStatus.DONE, null, DETAILS, "i1", null);
    fixture
        .given(RECORDED, done)
        .when(new ChangeActionStatus("a1", ActionStatus.IN_PROGRESS, null, null))
        .expectException(Conflict.class);
    fixture
        .given(RECORDED, done)
        .when(new ReviseImprovementAction("a1", DETAILS, null))
        .expectException(Conflict.class);
    fixture
        .given(RECORDED, done)
        .when(new AddProgressNote("a1", "Verified in the spring exercise"))
        .expectEvents(new ProgressNoteAdded("a1", "Verified in the spring exercise"));
  }

  @Test
  void aStaleVersionIsRefused() {
    fixture
        .given(RECORDED, new ProgressNoteAdded("a1", "Ordered the tapes"))
        .when(new ChangeActionStatus("a1", ActionStatus.DONE, null, 0L))
        .expectException(StaleVersion.class);
  }
}
