package nl.herstel.incidents.command;

import static java.time.Duration.ofHours;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.incidents.api.DeadlineOutcome;
import nl.herstel.incidents.api.IncidentCommands.RecordNotificationOverdue;
import nl.herstel.incidents.api.IncidentCommands.RecordNotificationSubmission;
import nl.herstel.incidents.api.IncidentCommands.RecordRecoveryDeadlineBreach;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.AlertCorrelated;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.IncidentEvents.IncidentClosed;
import nl.herstel.incidents.api.IncidentEvents.IncidentOpened;
import nl.herstel.incidents.api.IncidentEvents.IncidentTransitioned;
import nl.herstel.incidents.api.IncidentEvents.NotificationObligationRegistered;
import nl.herstel.incidents.api.IncidentEvents.NotificationOverdue;
import nl.herstel.incidents.api.IncidentEvents.NotificationSubmitted;
import nl.herstel.incidents.api.IncidentEvents.ProcessRestored;
import nl.herstel.incidents.api.IncidentEvents.RecoveryDeadlineBreached;
import nl.herstel.incidents.api.IncidentStatus;
import nl.herstel.incidents.api.NotificationAuthority;
import nl.herstel.incidents.api.NotificationClock;
import nl.herstel.incidents.api.NotificationCommands.AdmitNotificationObligation;
import nl.herstel.incidents.api.NotificationCommands.CheckNotificationClock;
import nl.herstel.incidents.api.NotificationCommands.RecordIncidentNotificationOverdue;
import nl.herstel.incidents.api.NotificationCommands.SubmitIncidentNotification;
import nl.herstel.incidents.api.RecoveryCommands.AlertPart;
import nl.herstel.incidents.api.RecoveryCommands.IncidentParts;
import nl.herstel.incidents.api.RecoveryDeadlineKind;
import nl.herstel.incidents.api.RecoveryEvents.IncidentAbsorbed;
import nl.herstel.incidents.api.RecoveryEvents.IncidentMergedInto;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The incident's clocks: recovery deadline breaches, and its part in notification obligations
 * (admitting them, the clock state, and the obligations stored in its stream before they had their
 * own).
 */
class IncidentClocksTest {
  private static final Instant DETECTED = Instant.parse("2026-11-29T08:00:00Z");
  private static final Instant RTO_DEADLINE = Instant.parse("2026-11-29T16:00:00Z");
  private static final Instant MTPD_DEADLINE = Instant.parse("2026-11-30T08:00:00Z");
  private static final Instant AFTER_RTO = Instant.parse("2026-11-29T16:00:05Z");
  private static final Instant DUE = Instant.parse("2026-12-02T08:00:00Z");
  private static final String AP = "o1";

  private AggregateTestFixture<Incident> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Incident.class);
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
        List.of(),
        List.of(
            new AffectedProcess(
                "p1", "Payments", ofHours(8), ofHours(24), RTO_DEADLINE, MTPD_DEADLINE)),
        null,
        DETECTED,
        null);
  }

  private static RecordRecoveryDeadlineBreach breach(String processId, Instant at) {
    return new RecordRecoveryDeadlineBreach("i1", processId, RecoveryDeadlineKind.RTO, at);
  }

  private static RecoveryDeadlineBreached rtoBreached() {
    return new RecoveryDeadlineBreached(
        "i1", "p1", RecoveryDeadlineKind.RTO, RTO_DEADLINE, AFTER_RTO);
  }

  private static NotificationObligationRegistered registered() {
    return new NotificationObligationRegistered(
        "i1",
        AP,
        NotificationAuthority.DATA_PROTECTION_AUTHORITY,
        "GDPR (AVG) art. 33",
        DETECTED,
        DUE);
  }

  private static RecordNotificationSubmission submit(Instant at) {
    return new RecordNotificationSubmission("i1", AP, at, "AP-2026-0042", at);
  }

  @Test
  void recordsABreachOnceTheDeadlinePassed() {
    fixture
        .given(opened())
        .when(breach("p1", AFTER_RTO))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayload(DeadlineOutcome.RECORDED)
        .expectEvents(rtoBreached());
  }

  @Test
  void recordsTheMtpdBreachApartFromTheRtoBreach() {
    Instant later = MTPD_DEADLINE.plusSeconds(1);
    fixture
        .given(opened(), rtoBreached())
        .when(new RecordRecoveryDeadlineBreach("i1", "p1", RecoveryDeadlineKind.MTPD, later))
        .expectResultMessagePayload(DeadlineOutcome.RECORDED)
        .expectEvents(
            new RecoveryDeadlineBreached(
                "i1", "p1", RecoveryDeadlineKind.MTPD, MTPD_DEADLINE, later));
  }

  @Test
  void recordsABreachOnlyOncePerProcessAndKind() {
    fixture
        .given(opened(), rtoBreached())
        .when(breach("p1", AFTER_RTO.plusSeconds(60)))
        .expectResultMessagePayload(DeadlineOutcome.ALREADY_RECORDED)
        .expectNoEvents();
  }

  @Test
  void recordsNoBreachBeforeTheDeadline() {
    fixture
        .given(opened())
        .when(breach("p1", RTO_DEADLINE.minusSeconds(1)))
        .expectResultMessagePayload(DeadlineOutcome.NOT_DUE)
        .expectNoEvents();
  }

  @Test
  void aClosedIncidentRecordsNoBreach() {
    fixture
        .given(opened(), new IncidentClosed("i1", DETECTED, List.of(), "Restored", null, null))
        .when(breach("p1", AFTER_RTO))
        .expectResultMessagePayload(DeadlineOutcome.NO_LONGER_APPLIES)
        .expectNoEvents();
  }

  @Test
  void aDismissedIncidentSuspendsItsDeadlines() {
    fixture
        .given(
            opened(),
            new IncidentTransitioned(
                "i1", IncidentStatus.REPORTED, IncidentStatus.DISMISSED, "False positive"))
        .when(breach("p1", AFTER_RTO))
        .expectResultMessagePayload(DeadlineOutcome.SUSPENDED)
        .expectNoEvents();
  }

  @Test
  void aProcessTheIncidentDoesNotDisruptHasNoDeadline() {
    fixture
        .given(opened())
        .when(breach("p9", AFTER_RTO))
        .expectResultMessagePayload(DeadlineOutcome.NO_LONGER_APPLIES)
        .expectNoEvents();
  }

  @Test
  void aCorrelatedAlertsProcessGetsItsOwnDeadlines() {
    Instant deadline = DETECTED.plus(ofHours(2));
    fixture
        .given(
            opened(),
            new AlertCorrelated(
                "i1",
                "splunk",
                "ALERT-124",
                "Payouts down",
                Severity.HIGH,
                DETECTED,
                List.of(),
                List.of(),
                List.of(
                    new AffectedProcess(
                        "p2", "Payouts", ofHours(2), ofHours(4), deadline, deadline)),
                null,
                null,
                null))
        .when(breach("p2", deadline))
        .expectResultMessagePayload(DeadlineOutcome.RECORDED)
        .expectEvents(
            new RecoveryDeadlineBreached("i1", "p2", RecoveryDeadlineKind.RTO, deadline, deadline));
  }

  // ---- notification obligations: the incident's part (the obligations are aggregates of their
  // own)

  private static AdmitNotificationObligation admit(String obligationId) {
    return new AdmitNotificationObligation(
        "i1", obligationId, NotificationAuthority.DATA_PROTECTION_AUTHORITY);
  }

  private static IncidentTransitioned dismissed() {
    return new IncidentTransitioned(
        "i1", IncidentStatus.REPORTED, IncidentStatus.DISMISSED, "False positive");
  }

  @Test
  void anOpenIncidentAdmitsAnObligationWithoutStoringAnything() {
    fixture.given(opened()).when(admit("o2")).expectSuccessfulHandlerExecution().expectNoEvents();
  }

  @Test
  void cannotRegisterAnObligationOnAClosedIncident() {
    fixture
        .given(opened(), new IncidentClosed("i1", DETECTED, List.of(), "Done", null, null))
        .when(admit("o2"))
        .expectException(Conflict.class)
        .expectNoEvents();
  }

  /** An obligation registered in the incident's stream, the old way, still holds its authority. */
  @Test
  void cannotRegisterTheAuthorityOfAnObligationStoredInTheIncidentsStream() {
    fixture
        .given(opened(), registered())
        .when(admit("o2"))
        .expectException(Conflict.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("DATA_PROTECTION_AUTHORITY"))
        .expectNoEvents();
  }

  @Test
  void theNotificationClockRunsAfterClosureIsSuspendedWhileDismissedAndStopsForAFalsePositive() {
    IncidentClosed closed = new IncidentClosed("i1", DETECTED, List.of(), "Done", null, null);
    fixture
        .given(opened(), closed)
        .when(new CheckNotificationClock("i1"))
        .expectResultMessagePayload(NotificationClock.RUNNING)
        .expectNoEvents();
    fixture
        .given(opened(), dismissed())
        .when(new CheckNotificationClock("i1"))
        .expectResultMessagePayload(NotificationClock.SUSPENDED);
    fixture
        .given(opened(), dismissed(), closed)
        .when(new CheckNotificationClock("i1"))
        .expectResultMessagePayload(NotificationClock.STOPPED);
  }

  @Test
  void anObligationStoredInTheIncidentsStreamIsSubmittedThereAlsoAfterClosure() {
    Instant at = DETECTED.plus(ofHours(30));
    fixture
        .given(
            opened(),
            registered(),
            new IncidentClosed("i1", DETECTED, List.of(), "Done", null, null))
        .when(new SubmitIncidentNotification("i1", submit(at)))
        .expectEvents(
            new NotificationSubmitted(
                "i1",
                AP,
                NotificationAuthority.DATA_PROTECTION_AUTHORITY,
                at,
                "AP-2026-0042",
                false));
    fixture
        .given(opened())
        .when(new SubmitIncidentNotification("i1", submit(at)))
        .expectException(NotFound.class)
        .expectNoEvents();
  }

  @Test
  void anObligationStoredInTheIncidentsStreamIsRecordedOverdueOnceAndNotWhileDismissed() {
    Instant at = DUE.plusSeconds(2);
    NotificationOverdue overdue =
        new NotificationOverdue("i1", AP, NotificationAuthority.DATA_PROTECTION_AUTHORITY, DUE, at);
    RecordIncidentNotificationOverdue command =
        new RecordIncidentNotificationOverdue("i1", new RecordNotificationOverdue("i1", AP, at));
    fixture
        .given(opened(), registered())
        .when(command)
        .expectResultMessagePayload(DeadlineOutcome.RECORDED)
        .expectEvents(overdue);
    fixture
        .given(opened(), registered(), overdue)
        .when(command)
        .expectResultMessagePayload(DeadlineOutcome.ALREADY_RECORDED)
        .expectNoEvents();
    fixture
        .given(opened(), registered(), dismissed())
        .when(command)
        .expectResultMessagePayload(DeadlineOutcome.SUSPENDED)
        .expectNoEvents();
  }

  // ---- the clocks with restorations, merges and absorbed incidents

  @Test
  void aProcessRestoredBeforeItsDeadlineIsNotBreached() {
    fixture
        .given(opened(), restored(RTO_DEADLINE.minusSeconds(60)))
        .when(breach("p1", AFTER_RTO))
        .expectNoEvents()
        .expectResultMessagePayload(DeadlineOutcome.NO_LONGER_APPLIES);
  }

  @Test
  void aProcessRestoredAfterItsDeadlineIsStillBreached() {
    fixture
        .given(opened(), restored(AFTER_RTO.plusSeconds(60)))
        .when(breach("p1", AFTER_RTO))
        .expectEvents(rtoBreached())
        .expectResultMessagePayload(DeadlineOutcome.RECORDED);
  }

  @Test
  void aMergedIncidentRecordsNoBreach() {
    fixture
        .given(opened(), new IncidentMergedInto("i1", "i9", IncidentStatus.REPORTED, "same attack"))
        .when(breach("p1", AFTER_RTO))
        .expectNoEvents()
        .expectResultMessagePayload(DeadlineOutcome.NO_LONGER_APPLIES);
  }

  @Test
  void aProcessThatCameWithAnAbsorbedIncidentKeepsItsDeadline() {
    Instant payrollRto = Instant.parse("2026-11-29T12:00:00Z");
    AlertPart part =
        new AlertPart(
            "splunk",
            "B1",
            "Ransomware on HR",
            Severity.HIGH,
            DETECTED,
            List.of(new AssetRef("a2", "hr-db")),
            List.of(),
            List.of(
                new AffectedProcess("p2", "Payroll", ofHours(4), ofHours(48), payrollRto, DUE)));
    fixture
        .given(
            opened(),
            new IncidentAbsorbed(
                "i1", "i2", new IncidentParts(DETECTED, List.of(part)), "same attack"))
        .when(new RecordRecoveryDeadlineBreach("i1", "p2", RecoveryDeadlineKind.RTO, AFTER_RTO))
        .expectEvents(
            new RecoveryDeadlineBreached(
                "i1", "p2", RecoveryDeadlineKind.RTO, payrollRto, AFTER_RTO));
  }

  private static ProcessRestored restored(Instant at) {
    return new ProcessRestored(
        "i1",
        "p1",
        DETECTED,
        at,
        at.minus(ofHours(1)),
        java.time.Duration.between(DETECTED, at),
        ofHours(1),
        ofHours(8),
        null,
        !at.isAfter(RTO_DEADLINE),
        null);
  }
}
