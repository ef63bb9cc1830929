package nl.herstel.lessons.command;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.contracts.lessons.Evidence;
import nl.herstel.contracts.lessons.RevisionKind;
import nl.herstel.lessons.api.LessonsCommands.ActivatedPlan;
import nl.herstel.lessons.api.LessonsCommands.OpenIncidentReview;
import nl.herstel.lessons.api.LessonsCommands.RestoredProcess;
import nl.herstel.lessons.api.LessonsEvents.ExerciseRequested;
import nl.herstel.lessons.api.LessonsEvents.IncidentReviewOpened;
import nl.herstel.lessons.api.LessonsEvents.PlanRevisionRequested;
import nl.herstel.lessons.api.LessonsEvents.RecoveryMeasured;
import nl.herstel.lessons.api.LessonsEvents.RevisionProposed;
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
                    Matchers.<Object>matches(
                        e ->
                            e instanceof RevisionProposed p
                                && p.kind() == RevisionKind.MTPD
                                && p.currentTarget().equals(ofHours(24))
                                && p.proposedTarget().equals(ofHours(30))),
                    Matchers.andNoMore())));
  }

  @Test
  void anMtpdBreachProposesTheRecoveryTimeAsMtpdWithItsEvidence() {
    fixture
        .givenNoPriorActivity()
        .when(close(payments(ofHours(29).plusMinutes(10))))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.<Object>exactSequenceOf(
                    Matchers.<Object>equalTo(opened()),
                    Matchers.<Object>matches(e -> true),
                    Matchers.<Object>matches(e -> true),
                    Matchers.<Object>equalTo(
                        new RevisionProposed(
                            Figures.proposalId("MTPD", "i1", "p1"),
                            RevisionKind.MTPD,
                            "i1",
                            "p1",
                            "Payments",
                            ofHours(24),
                            ofHours(30),
                            List.of(
                                new Evidence(
                                    "i1",
                                    "RECOVERY_TIME",
                                    ofHours(29).plusMinutes(10),
                                    ofHours(24))),
                            "Recovery of Payments took 29h10m, longer than its MTPD of 24h"
                                + " (incident 'Ransomware on the payments database', i1). If the"
                                + " outage really became critical, keep the MTPD and make recovery"
                                + " faster; if the business coped, accept an MTPD of 30h. The"
                                + " process owner decides.")),
                    Matchers.andNoMore())));
  }

  @Test
  void dataLostBeyondTheRpoProposesTheLossAsRpo() {
    RestoredProcess restored =
        new RestoredProcess(
            "p1",
            "Payments",
            DISRUPTED.plus(ofHours(6)),
            ofHours(8),
            ofHours(24),
            DISRUPTED.minus(ofHours(2).plusMinutes(30)),
            ofHours(1));
    fixture
        .givenNoPriorActivity()
        .when(close(restored))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.<Object>exactSequenceOf(
                    Matchers.<Object>equalTo(opened()),
                    Matchers.<Object>matches(
                        e -> e instanceof RecoveryMeasured m && m.verdict() == Verdict.MET),
                    Matchers.<Object>matches(
                        e ->
                            e instanceof RevisionProposed p
                                && p.kind() == RevisionKind.RPO
                                && p.proposalId().equals(Figures.proposalId("RPO", "i1", "p1"))
                                && p.currentTarget().equals(ofHours(1))
                                && p.proposedTarget().equals(ofHours(3))
                                && p.evidence()
                                    .equals(
                                        List.of(
                                            new Evidence(
                                                "i1",
                                                "DATA_LOSS",
                                                ofHours(2).plusMinutes(30),
                                                ofHours(1))))
                                && p.rationale().contains("2h30m before the disruption began")
                                && p.rationale().contains("accept an RPO of 3h")),
                    Matchers.andNoMore())));
  }

  @Test
  void dataLossWithinTheRpoOrWithoutAnRpoProposesNothing() {
    Instant restoredAt = DISRUPTED.plus(ofHours(6));
    fixture
        .givenNoPriorActivity()
        .when(
            new OpenIncidentReview(
                "i1",
                null,
                null,
                null,
                DISRUPTED,
                CLOSED,
                List.of(
                    new RestoredProcess(
                        "p1",
                        "Payments",
                        restoredAt,
                        ofHours(8),
                        ofHours(24),
                        DISRUPTED.minus(ofHours(1)),
                        ofHours(1)),
                    new RestoredProcess(
                        "p2",
                        "Payroll",
                        restoredAt,
                        ofHours(8),
                        ofHours(24),
                        DISRUPTED.minus(ofHours(9)),
                        null),
                    new RestoredProcess(
                        "p3", "Billing", restoredAt, ofHours(8), ofHours(24), null, ofHours(1)))))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.<Object>exactSequenceOf(
                    Matchers.<Object>matches(e -> e instanceof IncidentReviewOpened),
                    Matchers.<Object>matches(e -> e instanceof RecoveryMeasured),
                    Matchers.<Object>matches(e -> e instanceof RecoveryMeasured),
                    Matchers.<Object>matches(e -> e instanceof RecoveryMeasured),
                    Matchers.andNoMore())));
  }

  @Test
  void aBreachWhilePlansWereFollowedRequestsAReviewPerPlanAndAnExercisePerCardOnce() {
    OpenIncidentReview command =
        new OpenIncidentReview(
            "i1",
            "Ransomware on the payments database",
            Severity.CRITICAL,
            "Restored from offline backups",
            DISRUPTED,
            CLOSED,
            List.of(payments(ofHours(11))),
            List.of(
                new ActivatedPlan("plan-1", 2, "card-ransomware"),
                new ActivatedPlan("plan-1", 3, "card-ransomware"),
                new ActivatedPlan("plan-2", 1, null)));
    fixture
        .givenNoPriorActivity()
        .when(command)
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.<Object>exactSequenceOf(
                    Matchers.<Object>matches(e -> e instanceof IncidentReviewOpened),
                    Matchers.<Object>matches(e -> e instanceof RecoveryMeasured),
                    Matchers.<Object>matches(e -> e instanceof TargetRevisionProposed),
                    Matchers.<Object>matches(
                        e ->
                            e instanceof PlanRevisionRequested r
                                && r.planId().equals("plan-1")
                                && r.planVersion() == 3
                                && r.processIds().equals(List.of("p1"))
                                && r.requestId()
                                    .equals(Figures.proposalId("plan-review", "i1", "plan-1"))
                                && r.reason().contains("Recovery of Payments breached")),
                    Matchers.<Object>matches(
                        e -> e instanceof PlanRevisionRequested r && r.planId().equals("plan-2")),
                    Matchers.<Object>matches(
                        e ->
                            e instanceof ExerciseRequested r
                                && r.planId().equals("plan-1")
                                && r.scenarioCardId().equals("card-ransomware")
                                && r.requestId()
                                    .equals(
                                        Figures.proposalId(
                                            "exercise", "i1", "plan-1", "card-ransomware"))),
                    Matchers.andNoMore())));
  }

  @Test
  void recoveryWithinTargetsRequestsNothingOfThePlans() {
    fixture
        .givenNoPriorActivity()
        .when(
            new OpenIncidentReview(
                "i1",
                null,
                null,
                null,
                DISRUPTED,
                CLOSED,
                List.of(payments(ofHours(6))),
                List.of(new ActivatedPlan("plan-1", 2, "card-ransomware"))))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.<Object>exactSequenceOf(
                    Matchers.<Object>matches(e -> e instanceof IncidentReviewOpened),
                    Matchers.<Object>matches(e -> e instanceof RecoveryMeasured),
                    Matchers.andNoMore())));
  }

  @Test
  void dataRestoredToAfterTheDisruptionLostNoData() {
    assertThat(IncidentReview.dataLoss(DISRUPTED, DISRUPTED.plusSeconds(60)))
        .isEqualTo(Duration.ZERO);
    assertThat(IncidentReview.dataLoss(DISRUPTED, DISRUPTED.minus(ofMinutes(90))))
        .isEqualTo(ofMinutes(90));
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
    assertThat(Figures.readable(ofHours(11))).isEqualTo("11h");
    assertThat(Figures.readable(ofHours(10).plusMinutes(30))).isEqualTo("10h30m");
    assertThat(Figures.readable(ofMinutes(45))).isEqualTo("45m");
    assertThat(Figures.readable(ofHours(2).plusSeconds(5))).isEqualTo("2h0m5s");
    assertThat(Figures.readable(Duration.ZERO)).isEqualTo("0s");
  }
}
