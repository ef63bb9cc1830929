package nl.herstel.incidents.command;

import static java.time.Duration.ofHours;

import java.time.Instant;
import nl.herstel.incidents.api.DeadlineOutcome;
import nl.herstel.incidents.api.IncidentCommands.RecordNotificationOverdue;
import nl.herstel.incidents.api.IncidentCommands.RecordNotificationSubmission;
import nl.herstel.incidents.api.IncidentCommands.RegisterNotificationObligation;
import nl.herstel.incidents.api.IncidentEvents.NotificationObligationRegistered;
import nl.herstel.incidents.api.IncidentEvents.NotificationOverdue;
import nl.herstel.incidents.api.IncidentEvents.NotificationSubmitted;
import nl.herstel.incidents.api.NotificationAuthority;
import nl.herstel.incidents.api.NotificationClock;
import nl.herstel.incidents.api.NotificationCommands.OpenNotificationObligation;
import nl.herstel.incidents.api.NotificationCommands.RecordObligationOverdue;
import nl.herstel.incidents.api.NotificationCommands.SubmitNotification;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A notification obligation in a stream of its own: registration, submission, overdue clock. */
class NotificationObligationTest {
  private static final Instant DETECTED = Instant.parse("2026-11-29T08:00:00Z");
  private static final Instant DUE = Instant.parse("2026-12-02T08:00:00Z");
  private static final String AP = "o1";
  private static final NotificationAuthority DPA = NotificationAuthority.DATA_PROTECTION_AUTHORITY;

  private AggregateTestFixture<NotificationObligation> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(NotificationObligation.class);
  }

  private static OpenNotificationObligation register(Instant discoveredAt, Instant dueAt) {
    return new OpenNotificationObligation(
        AP,
        new RegisterNotificationObligation(
            "i1", AP, DPA, "GDPR (AVG) art. 33", discoveredAt, dueAt, DETECTED.plus(ofHours(1))));
  }

  private static NotificationObligationRegistered registered() {
    return new NotificationObligationRegistered("i1", AP, DPA, "GDPR (AVG) art. 33", DETECTED, DUE);
  }

  private static SubmitNotification submit(String incidentId, Instant at) {
    return new SubmitNotification(
        AP, new RecordNotificationSubmission(incidentId, AP, at, "AP-2026-0042", at));
  }

  private static RecordObligationOverdue overdue(Instant at, NotificationClock clock) {
    return new RecordObligationOverdue(AP, new RecordNotificationOverdue("i1", AP, at), clock);
  }

  @Test
  void registersTheObligationUnderItsIncident() {
    fixture.givenNoPriorActivity().when(register(DETECTED, DUE)).expectEvents(registered());
  }

  @Test
  void cannotRegisterADueTimeBeforeTheDiscovery() {
    fixture
        .givenNoPriorActivity()
        .when(register(DETECTED, DETECTED.minusSeconds(1)))
        .expectException(RuleViolation.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("dueAt"))
        .expectNoEvents();
  }

  @Test
  void cannotRegisterADiscoveryInTheFuture() {
    fixture
        .givenNoPriorActivity()
        .when(register(DETECTED.plus(ofHours(3)), null))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void recordsASubmissionInTimeOrLate() {
    Instant inTime = DETECTED.plus(ofHours(30));
    fixture
        .given(registered())
        .when(submit("i1", inTime))
        .expectEvents(new NotificationSubmitted("i1", AP, DPA, inTime, "AP-2026-0042", false));
    Instant late = DUE.plusSeconds(1);
    fixture
        .given(registered())
        .when(submit("i1", late))
        .expectEvents(new NotificationSubmitted("i1", AP, DPA, late, "AP-2026-0042", true));
  }

  @Test
  void cannotSubmitTwiceOrBeforeTheDiscovery() {
    Instant at = DETECTED.plus(ofHours(30));
    fixture
        .given(registered(), new NotificationSubmitted("i1", AP, DPA, at, "AP-1", false))
        .when(submit("i1", at.plusSeconds(60)))
        .expectException(Conflict.class)
        .expectNoEvents();
    fixture
        .given(registered())
        .when(submit("i1", DETECTED.minusSeconds(1)))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void underAnotherIncidentTheObligationIsUnknown() {
    fixture
        .given(registered())
        .when(submit("i2", DETECTED.plus(ofHours(1))))
        .expectException(NotFound.class)
        .expectNoEvents();
  }

  @Test
  void recordsAnOverdueNotificationOnce() {
    Instant at = DUE.plusSeconds(2);
    NotificationOverdue recorded = new NotificationOverdue("i1", AP, DPA, DUE, at);
    fixture
        .given(registered())
        .when(overdue(at, NotificationClock.RUNNING))
        .expectResultMessagePayload(DeadlineOutcome.RECORDED)
        .expectEvents(recorded);
    fixture
        .given(registered(), recorded)
        .when(overdue(at.plusSeconds(5), NotificationClock.RUNNING))
        .expectResultMessagePayload(DeadlineOutcome.ALREADY_RECORDED)
        .expectNoEvents();
  }

  @Test
  void isNotDueBeforeItsDueTime() {
    fixture
        .given(registered())
        .when(overdue(DUE.minusSeconds(1), NotificationClock.RUNNING))
        .expectResultMessagePayload(DeadlineOutcome.NOT_DUE)
        .expectNoEvents();
  }

  @Test
  void aSubmittedNotificationIsNeverOverdue() {
    fixture
        .given(registered(), new NotificationSubmitted("i1", AP, DPA, DETECTED, "AP-1", false))
        .when(overdue(DUE.plusSeconds(1), NotificationClock.RUNNING))
        .expectResultMessagePayload(DeadlineOutcome.NO_LONGER_APPLIES)
        .expectNoEvents();
  }

  @Test
  void theClockIsSuspendedWhileTheIncidentIsDismissedAndStopsForAFalsePositive() {
    fixture
        .given(registered())
        .when(overdue(DUE, NotificationClock.SUSPENDED))
        .expectResultMessagePayload(DeadlineOutcome.SUSPENDED)
        .expectNoEvents();
    fixture
        .given(registered())
        .when(overdue(DUE, NotificationClock.STOPPED))
        .expectResultMessagePayload(DeadlineOutcome.NO_LONGER_APPLIES)
        .expectNoEvents();
  }
}
