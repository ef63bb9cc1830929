package nl.herstel.bia.command;

import static java.time.Duration.ofHours;

import nl.herstel.bia.api.BiaCommands.DecideTargetRevision;
import nl.herstel.bia.api.BiaCommands.ProposeTargetRevision;
import nl.herstel.bia.api.BiaEvents.TargetRevisionDecided;
import nl.herstel.bia.api.BiaEvents.TargetRevisionProposed;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TargetRevisionTest {
  private AggregateTestFixture<TargetRevision> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(TargetRevision.class);
  }

  private static TargetRevisionProposed proposed() {
    return new TargetRevisionProposed(
        "r1", "p1", "i1", ofHours(8), ofHours(11), ofHours(12), "Took 11h", "lessons", null);
  }

  @Test
  void acceptingAnswersTheProposal() {
    fixture
        .given(proposed())
        .when(new DecideTargetRevision("r1", true, "Agreed"))
        .expectResultMessagePayload(new TargetRevision.Proposal("p1", ofHours(12), null))
        .expectEvents(new TargetRevisionDecided("r1", "p1", true, "Agreed"));
  }

  @Test
  void decidingTwiceIsAConflict() {
    fixture
        .given(proposed(), new TargetRevisionDecided("r1", "p1", false, "No"))
        .when(new DecideTargetRevision("r1", true, "Yes after all"))
        .expectException(Conflict.class)
        .expectNoEvents();
  }

  @Test
  void aProposedRtoBeyondTheProposedMtpdIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(
            new ProposeTargetRevision(
                "r1", "p1", null, ofHours(8), null, ofHours(12), "Why", "me", ofHours(10)))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }
}
