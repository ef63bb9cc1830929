package nl.herstel.lessons.command;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.lessons.Evidence;
import nl.herstel.contracts.lessons.RevisionKind;
import nl.herstel.lessons.api.LessonsCommands.RecordRecovery;
import nl.herstel.lessons.api.LessonsEvents.RecoveryRecorded;
import nl.herstel.lessons.api.LessonsEvents.RevisionProposed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessRecoveryRecordTest {
  private static final Instant FIRST = Instant.parse("2025-01-10T02:00:00Z");
  private static final Duration RTO = ofHours(8);

  private AggregateTestFixture<ProcessRecoveryRecord> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ProcessRecoveryRecord.class);
  }

  private static Instant day(int n) {
    return FIRST.plus(Duration.ofDays(n));
  }

  private static RecoveryRecorded recorded(String incidentId, int day, Duration took) {
    return new RecoveryRecorded("p1", incidentId, day(day), took, RTO);
  }

  private static RecordRecovery record(String incidentId, int day, Duration took) {
    return new RecordRecovery("p1", "Payments", incidentId, day(day), took, RTO, 3, 0.5);
  }

  @Test
  void threeRecoveriesWithinHalfTheRtoProposeTheSlowestRoundedUpAsStricterRto() {
    fixture
        .given(recorded("i1", 0, ofHours(2)), recorded("i2", 10, ofHours(3).plusMinutes(20)))
        .when(record("i3", 20, ofHours(1)))
        .expectEvents(
            recorded("i3", 20, ofHours(1)),
            new RevisionProposed(
                Figures.proposalId("RTO-margin", "p1", "i1,i2,i3"),
                RevisionKind.RTO,
                "i3",
                "p1",
                "Payments",
                RTO,
                ofHours(4),
                List.of(
                    new Evidence("i1", "RECOVERY_TIME", ofHours(2), RTO),
                    new Evidence("i2", "RECOVERY_TIME", ofHours(3).plusMinutes(20), RTO),
                    new Evidence("i3", "RECOVERY_TIME", ofHours(1), RTO)),
                "The last 3 recoveries of Payments all took at most 50% of its RTO of 8h"
                    + " (slowest 3h20m; incidents i1, i2, i3). Recovery is reliably faster than"
                    + " the BIA asks: a stricter RTO of 4h would give the process a higher"
                    + " recovery priority. The process owner decides."));
  }

  @Test
  void oneRecoveryBeyondTheMarginProposesNothing() {
    fixture
        .given(recorded("i1", 0, ofHours(2)), recorded("i2", 10, ofHours(4).plusMinutes(1)))
        .when(record("i3", 20, ofHours(1)))
        .expectEvents(recorded("i3", 20, ofHours(1)));
  }

  @Test
  void fewerRecoveriesThanTheWindowProposeNothing() {
    fixture
        .given(recorded("i1", 0, ofHours(2)))
        .when(record("i2", 10, ofMinutes(30)))
        .expectEvents(recorded("i2", 10, ofMinutes(30)));
  }

  @Test
  void aWindowBelowThreeCountsAsThree() {
    fixture
        .given(recorded("i1", 0, ofHours(2)))
        .when(new RecordRecovery("p1", "Payments", "i2", day(10), ofHours(1), RTO, 1, 0.5))
        .expectEvents(new RecoveryRecorded("p1", "i2", day(10), ofHours(1), RTO));
  }

  @Test
  void theSameIncidentIsRecordedOnce() {
    fixture.given(recorded("i1", 0, ofHours(2))).when(record("i1", 0, ofHours(2))).expectNoEvents();
  }

  @Test
  void afterAProposalTheNextNeedsAFreshWindow() {
    fixture
        .given(
            recorded("i1", 0, ofHours(2)),
            recorded("i2", 10, ofHours(2)),
            recorded("i3", 20, ofHours(2)),
            new RevisionProposed(
                "x", RevisionKind.RTO, "i3", "p1", "Payments", RTO, ofHours(2), List.of(), "r"))
        .when(record("i4", 30, ofHours(1)))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.<Object>exactSequenceOf(
                    Matchers.<Object>matches(e -> e instanceof RecoveryRecorded),
                    Matchers.andNoMore())));
  }

  @Test
  void noStricterRtoWhenRoundingUpReachesTheRto() {
    Duration rto = ofHours(1);
    fixture
        .given(
            new RecoveryRecorded("p1", "i1", day(0), ofMinutes(20), rto),
            new RecoveryRecorded("p1", "i2", day(1), ofMinutes(20), rto))
        .when(new RecordRecovery("p1", "Payments", "i3", day(2), ofMinutes(25), rto, 3, 0.5))
        .expectEvents(new RecoveryRecorded("p1", "i3", day(2), ofMinutes(25), rto));
  }
}
