package nl.herstel.lessons.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nl.herstel.contracts.lessons.ThreatLikelihoodProposed.Occurrence;
import nl.herstel.lessons.api.LessonsCommands.AssessThreatLikelihood;
import nl.herstel.lessons.api.LessonsEvents.LikelihoodProposalDecided;
import nl.herstel.lessons.api.LessonsEvents.ThreatLikelihoodAssessed;
import nl.herstel.lessons.api.LessonsEvents.ThreatLikelihoodProposed;
import nl.herstel.lessons.api.LikelihoodScale;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThreatLikelihoodRecordTest {
  private static final Instant TO = Instant.parse("2025-12-01T00:00:00Z");
  private static final Instant FROM = TO.minus(Duration.ofDays(365));

  private AggregateTestFixture<ThreatLikelihoodRecord> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ThreatLikelihoodRecord.class);
  }

  private static List<Occurrence> incidents(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(n -> new Occurrence("i" + n, TO.minus(Duration.ofDays(30L * n))))
        .toList();
  }

  private static AssessThreatLikelihood assess(
      String incidentId, int count, int current, Map<String, Boolean> decided) {
    return new AssessThreatLikelihood(
        "t1",
        "Ransomware",
        "RANSOMWARE",
        current,
        incidentId,
        FROM,
        TO,
        incidents(count),
        decided,
        LikelihoodScale.DEFAULT);
  }

  private static String id(int count) {
    return Figures.proposalId(
        "THREAT_LIKELIHOOD",
        "t1",
        String.join(",", incidents(count).stream().map(Occurrence::incidentId).sorted().toList()));
  }

  private static ThreatLikelihoodProposed proposed(String incidentId, int count, int current) {
    return new ThreatLikelihoodProposed(
        id(count),
        "t1",
        "Ransomware",
        "RANSOMWARE",
        incidentId,
        current,
        LikelihoodScale.DEFAULT.level(count),
        FROM,
        TO,
        incidents(count),
        "ignored");
  }

  @Test
  void fourIncidentsInAYearAgainstLikelihoodTwoProposeFour() {
    fixture
        .givenNoPriorActivity()
        .when(assess("i4", 4, 2, Map.of()))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.<Object>exactSequenceOf(
                    Matchers.<Object>equalTo(
                        new ThreatLikelihoodAssessed("t1", "i4", "RANSOMWARE", 4, 4, 2)),
                    Matchers.<Object>matches(
                        p ->
                            p instanceof ThreatLikelihoodProposed e
                                && e.proposalId().equals(id(4))
                                && e.proposedLikelihood() == 4
                                && e.currentLikelihood() == 2
                                && e.incidents().equals(incidents(4))
                                && e.rationale().contains("4 incidents of category RANSOMWARE")),
                    Matchers.andNoMore())));
  }

  @Test
  void noProposalWhenTheIncidentsDoNotExceedTheLikelihood() {
    fixture
        .givenNoPriorActivity()
        .when(assess("i1", 1, 2, Map.of()))
        .expectEvents(new ThreatLikelihoodAssessed("t1", "i1", "RANSOMWARE", 1, 2, 2));
  }

  @Test
  void aSecondAssessmentForTheSameIncidentChangesNothing() {
    fixture
        .given(
            new ThreatLikelihoodAssessed("t1", "i4", "RANSOMWARE", 4, 4, 2), proposed("i4", 4, 2))
        .when(assess("i4", 4, 2, Map.of()))
        .expectNoEvents();
  }

  @Test
  void oneProposalIsPendingAtATime() {
    fixture
        .given(
            new ThreatLikelihoodAssessed("t1", "i2", "RANSOMWARE", 2, 3, 2), proposed("i2", 2, 2))
        .when(assess("i4", 4, 2, Map.of()))
        .expectEvents(new ThreatLikelihoodAssessed("t1", "i4", "RANSOMWARE", 4, 4, 2));
  }

  @Test
  void onceTheBiaAcceptedThePendingProposalTheNextIsMadeAgainstTheNewLikelihood() {
    fixture
        .given(
            new ThreatLikelihoodAssessed("t1", "i2", "RANSOMWARE", 2, 3, 2), proposed("i2", 2, 2))
        .when(assess("i4", 4, 3, Map.of(id(2), true)))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.<Object>exactSequenceOf(
                    Matchers.<Object>equalTo(
                        new ThreatLikelihoodAssessed("t1", "i4", "RANSOMWARE", 4, 4, 3)),
                    Matchers.<Object>equalTo(new LikelihoodProposalDecided("t1", id(2), 3, true)),
                    Matchers.<Object>matches(
                        p ->
                            p instanceof ThreatLikelihoodProposed e
                                && e.proposalId().equals(id(4))
                                && e.currentLikelihood() == 3
                                && e.proposedLikelihood() == 4),
                    Matchers.andNoMore())));
  }

  @Test
  void aRejectedLikelihoodIsNotProposedAgainOnlyAHigherOne() {
    fixture
        .given(
            new ThreatLikelihoodAssessed("t1", "i2", "RANSOMWARE", 2, 3, 2), proposed("i2", 2, 2))
        .when(assess("i3", 3, 2, Map.of(id(2), false)))
        .expectEvents(
            new ThreatLikelihoodAssessed("t1", "i3", "RANSOMWARE", 3, 3, 2),
            new LikelihoodProposalDecided("t1", id(2), 3, false));
  }

  @Test
  void afterARejectionIncidentsPointingHigherProposeAgain() {
    fixture
        .given(
            new ThreatLikelihoodAssessed("t1", "i2", "RANSOMWARE", 2, 3, 2),
            proposed("i2", 2, 2),
            new LikelihoodProposalDecided("t1", id(2), 3, false))
        .when(assess("i4", 4, 2, Map.of(id(2), false)))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.<Object>exactSequenceOf(
                    Matchers.<Object>equalTo(
                        new ThreatLikelihoodAssessed("t1", "i4", "RANSOMWARE", 4, 4, 2)),
                    Matchers.<Object>matches(
                        p ->
                            p instanceof ThreatLikelihoodProposed e
                                && e.proposalId().equals(id(4))
                                && e.proposedLikelihood() == 4),
                    Matchers.andNoMore())));
  }
}
