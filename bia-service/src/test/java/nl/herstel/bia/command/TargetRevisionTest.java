package nl.herstel.bia.command;

import static java.time.Duration.ofHours;

import java.util.List;
import nl.herstel.bia.api.BiaCommands.DecideTargetRevision;
import nl.herstel.bia.api.BiaCommands.ProposeTargetRevision;
import nl.herstel.bia.api.BiaEvents.TargetRevisionDecided;
import nl.herstel.bia.api.BiaEvents.TargetRevisionProposed;
import nl.herstel.bia.api.RevisionEvidence;
import nl.herstel.bia.api.RevisionKind;
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
        "r1",
        "p1",
        "i1",
        ofHours(8),
        ofHours(11),
        ofHours(12),
        "Took 11h",
        "lessons",
        null,
        RevisionKind.RTO,
        ofHours(8),
        null,
        List.of(),
        null,
        null,
        null,
        null);
  }

  @Test
  void acceptingAnswersTheProposal() {
    fixture
        .given(proposed())
        .when(new DecideTargetRevision("r1", true, "Agreed"))
        .expectResultMessagePayload(
            new TargetRevision.Proposal(
                "p1", RevisionKind.RTO, ofHours(12), null, null, null, null))
        .expectEvents(new TargetRevisionDecided("r1", "p1", true, "Agreed", null, null));
  }

  @Test
  void decidingTwiceIsAConflict() {
    fixture
        .given(proposed(), new TargetRevisionDecided("r1", "p1", false, "No", null, null))
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

  private static ProposeTargetRevision rpoFromLessons(java.time.Duration proposedRpo) {
    return new ProposeTargetRevision(
        "r2",
        "p1",
        "i1",
        null,
        null,
        null,
        "3h of data lost",
        "lessons-service",
        null,
        RevisionKind.RPO,
        ofHours(1),
        proposedRpo,
        List.of(new RevisionEvidence("i1", "DATA_LOSS", ofHours(2), ofHours(1))),
        "prop-1");
  }

  @Test
  void anRpoRevisionFromLessonsKeepsItsEvidenceAndItsDecisionNamesTheProposal() {
    TargetRevisionProposed proposed =
        new TargetRevisionProposed(
            "r2",
            "p1",
            "i1",
            null,
            null,
            null,
            "3h of data lost",
            "lessons-service",
            null,
            RevisionKind.RPO,
            ofHours(1),
            ofHours(3),
            List.of(new RevisionEvidence("i1", "DATA_LOSS", ofHours(2), ofHours(1))),
            "prop-1",
            null,
            null,
            null);
    fixture.givenNoPriorActivity().when(rpoFromLessons(ofHours(3))).expectEvents(proposed);
    fixture
        .given(proposed)
        .when(new DecideTargetRevision("r2", true, "Agreed"))
        .expectResultMessagePayload(
            new TargetRevision.Proposal("p1", RevisionKind.RPO, null, null, ofHours(3), null, null))
        .expectEvents(new TargetRevisionDecided("r2", "p1", true, "Agreed", "prop-1", null));
  }

  @Test
  void anRpoRevisionNeedsAPositiveRpo() {
    fixture
        .givenNoPriorActivity()
        .when(rpoFromLessons(java.time.Duration.ZERO))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void anMtpdRevisionNeedsAProposedMtpd() {
    fixture
        .givenNoPriorActivity()
        .when(
            new ProposeTargetRevision(
                "r3",
                "p1",
                "i1",
                null,
                null,
                null,
                "Outlasted",
                "lessons-service",
                null,
                RevisionKind.MTPD,
                ofHours(24),
                null,
                List.of(),
                "prop-2"))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  private static ProposeTargetRevision likelihood(String threatId, Integer proposed) {
    return new ProposeTargetRevision(
        "r3",
        null,
        "i4",
        null,
        null,
        null,
        "4 ransomware incidents in a year",
        "lessons-service",
        null,
        RevisionKind.THREAT_LIKELIHOOD,
        null,
        null,
        List.of(
            new RevisionEvidence(
                "i4", "OCCURRENCE", null, null, java.time.Instant.parse("2025-03-01T08:00:00Z"))),
        "prop-3",
        threatId,
        2,
        proposed);
  }

  @Test
  void aLikelihoodRevisionNamesItsThreatAndItsDecisionAnswersTheThreatAndTheProposal() {
    TargetRevisionProposed proposed =
        new TargetRevisionProposed(
            "r3",
            null,
            "i4",
            null,
            null,
            null,
            "4 ransomware incidents in a year",
            "lessons-service",
            null,
            RevisionKind.THREAT_LIKELIHOOD,
            null,
            null,
            List.of(
                new RevisionEvidence(
                    "i4",
                    "OCCURRENCE",
                    null,
                    null,
                    java.time.Instant.parse("2025-03-01T08:00:00Z"))),
            "prop-3",
            "t1",
            2,
            4);
    fixture.givenNoPriorActivity().when(likelihood("t1", 4)).expectEvents(proposed);
    fixture
        .given(proposed)
        .when(new DecideTargetRevision("r3", false, "Two were one attack"))
        .expectResultMessagePayload(
            new TargetRevision.Proposal(
                null, RevisionKind.THREAT_LIKELIHOOD, null, null, null, "t1", 4))
        .expectEvents(
            new TargetRevisionDecided("r3", null, false, "Two were one attack", "prop-3", "t1"));
  }

  @Test
  void aLikelihoodRevisionNeedsAThreatAndALikelihoodOfOneToFive() {
    fixture
        .givenNoPriorActivity()
        .when(likelihood(null, 4))
        .expectException(RuleViolation.class)
        .expectNoEvents();
    fixture
        .givenNoPriorActivity()
        .when(likelihood("t1", 6))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }
}
