package nl.herstel.incidents.command;

import static java.time.Duration.ofHours;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.incidents.api.IncidentCommands.CloseIncident;
import nl.herstel.incidents.api.IncidentCommands.CorrelateAlert;
import nl.herstel.incidents.api.IncidentCommands.Intake;
import nl.herstel.incidents.api.IncidentCommands.OpenIncident;
import nl.herstel.incidents.api.IncidentCommands.ProcessTargets;
import nl.herstel.incidents.api.IncidentCommands.RecordDecision;
import nl.herstel.incidents.api.IncidentCommands.TransitionIncident;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.AlertCorrelated;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.IncidentEvents.DecisionRecorded;
import nl.herstel.incidents.api.IncidentEvents.IncidentAlertUpdated;
import nl.herstel.incidents.api.IncidentEvents.IncidentClosed;
import nl.herstel.incidents.api.IncidentEvents.IncidentOpened;
import nl.herstel.incidents.api.IncidentEvents.IncidentTransitioned;
import nl.herstel.incidents.api.IncidentEvents.Restoration;
import nl.herstel.incidents.api.IncidentStatus;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentTest {
  private static final Instant DETECTED = Instant.parse("2026-11-29T08:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");

  private AggregateTestFixture<Incident> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Incident.class);
  }

  private static OpenIncident alert(Instant detectedAt) {
    return update(detectedAt, Severity.CRITICAL, "Ransomware on the payments database", DETECTED);
  }

  private static OpenIncident update(
      Instant detectedAt, Severity severity, String title, Instant updatedAt) {
    return new OpenIncident(
        "i1",
        "splunk",
        "ALERT-123",
        title,
        null,
        severity,
        detectedAt,
        NOW,
        List.of(new AssetRef("a1", "db-payments-01")),
        List.of("unknown-host"),
        List.of(new ProcessTargets("p1", "Payments", ofHours(8), ofHours(24))),
        null,
        updatedAt);
  }

  private static IncidentOpened opened() {
    return new IncidentOpened(
        "i1",
        "splunk",
        "ALERT-123",
        "Ransomware on the payments database",
        null,
        Severity.CRITICAL,
        DETECTED,
        List.of(new AssetRef("a1", "db-payments-01")),
        List.of("unknown-host"),
        List.of(
            new AffectedProcess(
                "p1",
                "Payments",
                ofHours(8),
                ofHours(24),
                Instant.parse("2026-11-29T16:00:00Z"),
                Instant.parse("2026-11-30T08:00:00Z"))),
        null,
        DETECTED,
        null);
  }

  private static CloseIncident close(Restoration... restorations) {
    return new CloseIncident("i1", List.of(restorations), "Restored from backup", NOW);
  }

  @Test
  void opensWithTheRtoAndMtpdDeadlinesOfTheAffectedProcesses() {
    fixture
        .givenNoPriorActivity()
        .when(alert(DETECTED))
        .expectSuccessfulHandlerExecution()
        .expectEvents(opened())
        .expectResultMessagePayload(new Intake("i1", IncidentStatus.REPORTED, false, false));
  }

  @Test
  void answersTheSameAlertAgainWithTheExistingIncident() {
    fixture
        .given(opened())
        .when(alert(DETECTED))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents()
        .expectResultMessagePayload(new Intake("i1", IncidentStatus.REPORTED, true, false));
  }

  @Test
  void aNewerVersionOfTheAlertReplacesItsFacts() {
    Instant later = DETECTED.plusSeconds(600);
    fixture
        .given(opened())
        .when(update(DETECTED, Severity.LOW, "False alarm: backup job", later))
        .expectEvents(
            new IncidentAlertUpdated(
                "i1", "False alarm: backup job", null, Severity.LOW, later, null))
        .expectResultMessagePayload(new Intake("i1", IncidentStatus.REPORTED, true, true));
  }

  @Test
  void anOlderVersionArrivingLateChangesNothing() {
    Instant later = DETECTED.plusSeconds(600);
    fixture
        .given(
            opened(),
            new IncidentAlertUpdated(
                "i1", "Ransomware confirmed", null, Severity.CRITICAL, later, null))
        .when(update(DETECTED, Severity.LOW, "Suspicious file", DETECTED.plusSeconds(300)))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents()
        .expectResultMessagePayload(new Intake("i1", IncidentStatus.REPORTED, true, false));
  }

  @Test
  void anUpdateFromTheFutureIsRefused() {
    fixture
        .given(opened())
        .when(update(DETECTED, Severity.LOW, "x", NOW.plusSeconds(3600)))
        .expectException(RuleViolation.class)
        .expectException(Matchers.matches(e -> "updatedAt".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  private static CorrelateAlert correlate(String sourceId) {
    return new CorrelateAlert(
        "i1",
        "sentinel",
        sourceId,
        "Lateral movement",
        Severity.HIGH,
        NOW,
        List.of(new AssetRef("a1", "db-payments-01"), new AssetRef("a2", "app-payments")),
        List.of(),
        List.of(
            new ProcessTargets("p1", "Payments", ofHours(8), ofHours(24)),
            new ProcessTargets("p2", "Payouts", ofHours(12), ofHours(48))),
        null);
  }

  @Test
  void aCorrelatedAlertAddsOnlyNewAssetsAndProcessesWithDeadlinesFromTheDisruption() {
    fixture
        .given(opened())
        .when(correlate("S-1"))
        .expectEvents(
            new AlertCorrelated(
                "i1",
                "sentinel",
                "S-1",
                "Lateral movement",
                Severity.HIGH,
                NOW,
                List.of(new AssetRef("a2", "app-payments")),
                List.of(),
                List.of(
                    new AffectedProcess(
                        "p2",
                        "Payouts",
                        ofHours(12),
                        ofHours(48),
                        DETECTED.plus(ofHours(12)),
                        DETECTED.plus(ofHours(48)))),
                null,
                null,
                List.of()))
        .expectResultMessagePayload(new Intake("i1", IncidentStatus.REPORTED, false, false));
  }

  @Test
  void aCorrelatedAlertAgainIsADuplicate() {
    fixture
        .given(
            opened(),
            new AlertCorrelated(
                "i1",
                "sentinel",
                "S-1",
                "t",
                Severity.HIGH,
                NOW,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null))
        .when(correlate("S-1"))
        .expectNoEvents()
        .expectResultMessagePayload(new Intake("i1", IncidentStatus.REPORTED, true, false));
  }

  @Test
  void aDismissedIncidentTakesNoCorrelatedAlert() {
    fixture
        .given(
            opened(),
            new IncidentTransitioned("i1", IncidentStatus.REPORTED, IncidentStatus.DISMISSED, "fp"))
        .when(correlate("S-2"))
        .expectNoEvents()
        .expectResultMessagePayload(new Intake(null, IncidentStatus.DISMISSED, false, false));
  }

  @Test
  void logsADecisionInTheBobStructure() {
    RecordDecision decision =
        new RecordDecision(
            "i1",
            "d1",
            List.of("Payments DB encrypted"),
            List.of("Whether backups are clean"),
            List.of("Restore from offline backup", "Pay"),
            List.of("Backup may be infected"),
            "Restore from the offline backup",
            "Clean restore is within RTO",
            "Crisis plan: incident commander");
    fixture
        .given(opened())
        .when(decision)
        .expectEvents(
            new DecisionRecorded(
                "i1",
                "d1",
                decision.known(),
                decision.unknown(),
                decision.options(),
                decision.risks(),
                decision.what(),
                decision.rationale(),
                decision.mandate()));
  }

  @Test
  void aClosedIncidentTakesNoDecisions() {
    fixture
        .given(opened(), new IncidentClosed("i1", DETECTED, List.of(), "done", null, null))
        .when(
            new RecordDecision(
                "i1", "d1", List.of("k"), List.of(), List.of("o"), List.of(), "w", "r", "m"))
        .expectException(Conflict.class)
        .expectNoEvents();
  }

  @Test
  void movesAlongItsLifecycleWithTheReason() {
    fixture
        .given(opened())
        .when(new TransitionIncident("i1", IncidentStatus.TRIAGED, "Confirmed by the SOC lead"))
        .expectEvents(
            new IncidentTransitioned(
                "i1",
                IncidentStatus.REPORTED,
                IncidentStatus.TRIAGED,
                "Confirmed by the SOC lead"));
  }

  @Test
  void cannotSkipFromReportedToRecovered() {
    fixture
        .given(opened())
        .when(new TransitionIncident("i1", IncidentStatus.RECOVERED, "done"))
        .expectException(RuleViolation.class)
        .expectException(Matchers.matches(e -> "to".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  @Test
  void aClosedIncidentMakesNoTransitions() {
    fixture
        .given(opened(), new IncidentClosed("i1", DETECTED, List.of(), "done", null, null))
        .when(new TransitionIncident("i1", IncidentStatus.TRIAGED, "again"))
        .expectException(Conflict.class)
        .expectNoEvents();
  }

  @Test
  void cannotBeDetectedMoreThanFiveMinutesInTheFuture() {
    fixture
        .givenNoPriorActivity()
        .when(alert(NOW.plusSeconds(6 * 60)))
        .expectException(RuleViolation.class)
        .expectException(Matchers.matches(e -> "detectedAt".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  @Test
  void cannotBeDetectedBefore2000() {
    fixture
        .givenNoPriorActivity()
        .when(alert(Instant.parse("1999-12-31T23:59:59Z")))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void closesWithTheRestorationOfAnAffectedProcess() {
    Restoration restored = new Restoration("p1", Instant.parse("2026-11-29T08:50:00Z"));
    fixture
        .given(opened())
        .when(close(restored))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            new IncidentClosed(
                "i1", DETECTED, List.of(restored), "Restored from backup", null, null));
  }

  @Test
  void cannotCloseTwice() {
    fixture
        .given(opened(), new IncidentClosed("i1", DETECTED, List.of(), null, null, null))
        .when(close())
        .expectException(Conflict.class)
        .expectNoEvents();
  }

  @Test
  void cannotRestoreAProcessThatIsNotAffected() {
    fixture
        .given(opened())
        .when(
            close(
                new Restoration("p1", DETECTED.plusSeconds(60)),
                new Restoration("p2", DETECTED.plusSeconds(60))))
        .expectException(RuleViolation.class)
        .expectException(
            Matchers.matches(e -> "restorations[1].processId".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  @Test
  void cannotRestoreAProcessTwice() {
    fixture
        .given(opened())
        .when(
            close(
                new Restoration("p1", DETECTED.plusSeconds(60)),
                new Restoration("p1", DETECTED.plusSeconds(120))))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void cannotRestoreBeforeTheDisruptionBegan() {
    fixture
        .given(opened())
        .when(close(new Restoration("p1", DETECTED.minusSeconds(1))))
        .expectException(RuleViolation.class)
        .expectException(
            Matchers.matches(e -> "restorations[0].restoredAt".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  @Test
  void cannotRestoreInTheFuture() {
    fixture
        .given(opened())
        .when(close(new Restoration("p1", NOW.plusSeconds(6 * 60))))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }
}
