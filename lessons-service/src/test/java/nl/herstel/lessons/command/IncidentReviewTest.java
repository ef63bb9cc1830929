package nl.herstel.lessons.command;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.lessons.api.LessonsCommands.OpenIncidentReview;
import nl.herstel.lessons.api.LessonsCommands.RestoredProcess;
import nl.herstel.lessons.api.LessonsEvents.IncidentReviewOpened;
import nl.herstel.lessons.api.LessonsEvents.RecoveryMeasured;
import nl.herstel.lessons.api.LessonsEvents.TargetRevisionProposed;
import nl.herstel.lessons.api.Verdict;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentReviewTest {
  private static final Instant DISRUPTED = Instant.parse("2025-03-01T02:00:00Z");
  private static final Instant CLOSED = Instant.parse("2025-03-02T09:00:00Z");

  private AggregateTestFixture<IncidentReview> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(IncidentReview.class);
  }

  private static OpenIncidentReview close(RestoredProcess... restored) {
    return new OpenIncidentReview(
        "i1",
        "Ransomware on the payments database",
        Severity.CRITICAL,
        "Restored from offline backups",
        DISRUPTED,
        CLOSED,
        List.of(restored));
  }

  private static RestoredProcess payments(Duration after) {
    return new RestoredProcess("p1", "Payments", DISRUPTED.plus(after), ofHours(8), ofHours(24));
  }

  private static IncidentReviewOpened opened() {
    return new IncidentReviewOpened(
        "i1",
        "Ransomware on the payments database",
        Severity.CRITICAL,
        "Restored from offline backups",
        DISRUPTED,
        CLOSED);
  }

  @Test
  void recoveryWithinTheRtoIsMetAndProposesNothing() {
    fixture
        .givenNoPriorActivity()
        .when(close(payments(ofHours(6))))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            opened(),
            new RecoveryMeasured(
                "i1",
                "p1",
                "Payments",
                DISRUPTED.plus(ofHours(6)),
                ofHours(6),
                ofHours(8),
                ofHours(24),
                Verdict.MET));
  }

  @Test
  void recoveryExactlyAtTheRtoIsMet() {
    fixture
        .givenNoPriorActivity()
        .when(close(payments(ofHours(8))))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.<Object>exactSequenceOf(
                    Matchers.<Object>equalTo(opened()),
                    Matchers.<Object>matches(
                        e -> e instanceof RecoveryMeasured m && m.verdict() == Verdict.MET),
                    Matchers.andNoMore())));
  }

  @Test
  void anRtoBreachProposesTheActualRecoveryTimeRoundedUpToTheHour() {
    Duration actual = ofHours(10).plus(ofMinutes(20));
    fixture
        .givenNoPriorActivity()
        .when(close(payments(actual)))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            opened(),
            new RecoveryMeasured(
                "i1",
                "p1",
                "Payments",
                DISRUPTED.plus(actual),
                actual,
                ofHours(8),
                ofHours(24),
                Verdict.RTO_BREACHED),
            new TargetRevisionProposed(
                IncidentReview.proposalId("i1", "p1"),
                "i1",
                "p1",
                "Payments",
                ofHours(8),
                actual,
                ofHours(11),
                "Recovery of Payments took 10h20m against an RTO of 8h (incident 'Ransomware on"
                    + " the payments database', i1). Either make recovery faster or accept an RTO"
                    + " of 11h; the process owner decides."));
  }

  @Test
  void aRecoveryOfWholeHoursIsProposedAsItIs() {
    fixture
        .givenNoPriorActivity()
        .when(close(payments(ofHours(11))))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.<Object>exactSequenceOf(
                    Matchers.<Object>equalTo(opened()),
                    Matchers.<Object>matches(
                        e ->
                            e instanceof RecoveryMeasured m && m.verdict() == Verdict.RTO_BREACHED),
                    Matchers.<Object>matches(
                        e ->
                            e instanceof TargetRevisionProposed p
                                && p.proposedRto().equals(ofHours(11))
                                && p.actualRecoveryTime().equals(ofHours(11))
                                && p.currentRto().equals(ofHours(8))),
                    Matchers.andNoMore())));
  }

  @Test
  void recoveryAfterTheMtpdIsAnMtpdBreachAndStillProposesARevision() {
    fixture
        .givenNoPriorActivity()
        .when(close(payments(ofHours(30))))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.<Object>exactSequenceOf(
                    Matchers.<Object>equalTo(opened()),
                    Matchers.<Object>matches(
                        e ->
                            e instanceof RecoveryMeasured m
                                && m.verdict() == Verdict.MTPD_BREACHED
                                && m.actualRecoveryTime().equals(ofHours(30))),
                    Matchers.<Object>matches(
                        e ->
                            e instanceof TargetRevisionProposed p
                                && p.proposedRto().equals(ofHours(30))
                                && p.rationale().contains("outlasted the MTPD of 24h")),
                    Matchers.andNoMore())));
  }

  @Test
  void aProcessWithUnknownTargetsGetsNoVerdictAndNoProposal() {
    fixture
        .givenNoPriorActivity()
        .when(close(new RestoredProcess("p9", null, DISRUPTED.plus(ofHours(40)), null, null)))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            opened(),
            new RecoveryMeasured(
                "i1", "p9", null, DISRUPTED.plus(ofHours(40)), ofHours(40), null, null, null));
  }

  @Test
  void measuresEveryRestoredProcessAndProposesOnlyForTheBreaches() {
    fixture
        .givenNoPriorActivity()
        .when(
            close(
                payments(ofHours(12)),
                new RestoredProcess(
                    "p2", "Payroll", DISRUPTED.plus(ofHours(3)), ofHours(4), ofHours(48))))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.<Object>exactSequenceOf(
                    Matchers.<Object>equalTo(opened()),
                    Matchers.<Object>matches(
                        e ->
                            e instanceof RecoveryMeasured m
                                && m.processId().equals("p1")
                                && m.verdict() == Verdict.RTO_BREACHED),
                    Matchers.<Object>matches(
                        e -> e instanceof TargetRevisionProposed p && p.processId().equals("p1")),
                    Matchers.<Object>matches(
                        e ->
                            e instanceof RecoveryMeasured m
                                && m.processId().equals("p2")
                                && m.verdict() == Verdict.MET),
                    Matchers.andNoMore())));
  }

  @Test
  void anIncidentIsReviewedOnlyOnce() {
    fixture
        .given(opened())
        .when(close(payments(ofHours(11))))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void cannotMeasureARestorationBeforeTheDisruption() {
    fixture
        .givenNoPriorActivity()
        .when(close(payments(ofHours(-1))))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void cannotRestoreTheSameProcessTwice() {
    fixture
        .givenNoPriorActivity()
        .when(close(payments(ofHours(1)), payments(ofHours(2))))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void theProposalIdIsTheSameForTheSameIncidentAndProcess() {
    assertThat(IncidentReview.proposalId("i1", "p1"))
        .isEqualTo(IncidentReview.proposalId("i1", "p1"))
        .isNotEqualTo(IncidentReview.proposalId("i1", "p2"))
        .isNotEqualTo(IncidentReview.proposalId("i2", "p1"));
  }

  @Test
  void writesDurationsAsPeopleDo() {
    assertThat(IncidentReview.readable(ofHours(11))).isEqualTo("11h");
    assertThat(IncidentReview.readable(ofHours(10).plusMinutes(30))).isEqualTo("10h30m");
    assertThat(IncidentReview.readable(ofMinutes(45))).isEqualTo("45m");
    assertThat(IncidentReview.readable(ofHours(2).plusSeconds(5))).isEqualTo("2h0m5s");
    assertThat(IncidentReview.readable(Duration.ZERO)).isEqualTo("0s");
  }
}
