package nl.herstel.incidents.command;

import static java.time.Duration.ofHours;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.incidents.api.IncidentCategory;
import nl.herstel.incidents.api.IncidentCommands.CloseIncident;
import nl.herstel.incidents.api.IncidentCommands.CorrelateAlert;
import nl.herstel.incidents.api.IncidentCommands.Intake;
import nl.herstel.incidents.api.IncidentEvents.ActivatedPlan;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.AlertCorrelated;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.IncidentEvents.IncidentClosed;
import nl.herstel.incidents.api.IncidentEvents.IncidentOpened;
import nl.herstel.incidents.api.IncidentEvents.IncidentTransitioned;
import nl.herstel.incidents.api.IncidentEvents.ProcessRestored;
import nl.herstel.incidents.api.IncidentEvents.Restoration;
import nl.herstel.incidents.api.IncidentStatus;
import nl.herstel.incidents.api.RecoveryCommands.AbsorbIncident;
import nl.herstel.incidents.api.RecoveryCommands.ActivatePlan;
import nl.herstel.incidents.api.RecoveryCommands.ActivationAnswer;
import nl.herstel.incidents.api.RecoveryCommands.AddRecoveryTask;
import nl.herstel.incidents.api.RecoveryCommands.AlertKey;
import nl.herstel.incidents.api.RecoveryCommands.AlertPart;
import nl.herstel.incidents.api.RecoveryCommands.AssignRecoveryTask;
import nl.herstel.incidents.api.RecoveryCommands.CardSteps;
import nl.herstel.incidents.api.RecoveryCommands.ChangeRecoveryTaskStatus;
import nl.herstel.incidents.api.RecoveryCommands.ClassifyIncident;
import nl.herstel.incidents.api.RecoveryCommands.IncidentParts;
import nl.herstel.incidents.api.RecoveryCommands.MergeIntoIncident;
import nl.herstel.incidents.api.RecoveryCommands.OpenSplitIncident;
import nl.herstel.incidents.api.RecoveryCommands.SplitIncident;
import nl.herstel.incidents.api.RecoveryEvents.IncidentAbsorbed;
import nl.herstel.incidents.api.RecoveryEvents.IncidentClassified;
import nl.herstel.incidents.api.RecoveryEvents.IncidentMergedInto;
import nl.herstel.incidents.api.RecoveryEvents.IncidentSplit;
import nl.herstel.incidents.api.RecoveryEvents.IncidentSplitOff;
import nl.herstel.incidents.api.RecoveryEvents.PlanActivated;
import nl.herstel.incidents.api.RecoveryEvents.PlanActivationRefused;
import nl.herstel.incidents.api.RecoveryEvents.RecoveryTaskAssigned;
import nl.herstel.incidents.api.RecoveryEvents.RecoveryTaskCreated;
import nl.herstel.incidents.api.RecoveryEvents.RecoveryTaskStatusChanged;
import nl.herstel.incidents.api.RecoveryTaskStatus;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentRecoveryTest {
  private static final Instant DETECTED = Instant.parse("2026-11-29T08:00:00Z");
  private static final List<String> MANDATE = List.of("incident-commander");
  private static final CardSteps CARD =
      new CardSteps(
          "ransomware", "ransomware", "Ransomware", List.of("Isolate the network", "Restore"));

  private AggregateTestFixture<Incident> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Incident.class);
  }

  private static AffectedProcess payments(Instant from) {
    return new AffectedProcess(
        "p1", "Payments", ofHours(8), ofHours(24), from.plus(ofHours(8)), from.plus(ofHours(24)));
  }

  private static AffectedProcess payouts(Instant from) {
    return new AffectedProcess(
        "p2", "Payouts", ofHours(12), ofHours(48), from.plus(ofHours(12)), from.plus(ofHours(48)));
  }

  private static IncidentOpened opened(String id, String sourceId) {
    return new IncidentOpened(
        id,
        "splunk",
        sourceId,
        "Ransomware",
        null,
        Severity.CRITICAL,
        DETECTED,
        List.of(new AssetRef("a1", "db")),
        List.of(),
        List.of(payments(DETECTED)),
        null,
        DETECTED,
        null);
  }

  private static AlertCorrelated correlated(String id, String sourceId, Instant detectedAt) {
    return new AlertCorrelated(
        id,
        "sentinel",
        sourceId,
        "Lateral movement",
        Severity.HIGH,
        detectedAt,
        List.of(new AssetRef("a2", "app")),
        List.of("host-9"),
        List.of(payouts(DETECTED)),
        null,
        null,
        null);
  }

  private static IncidentTransitioned triaged() {
    return new IncidentTransitioned("i1", IncidentStatus.REPORTED, IncidentStatus.TRIAGED, "seen");
  }

  private static ActivatePlan activate(String mandate) {
    return new ActivatePlan(
        "i1",
        "plan-1",
        3,
        "Payments DRP",
        MANDATE,
        mandate,
        "recovery-team",
        CARD,
        List.of("t1", "t2"),
        "Ransomware confirmed");
  }

  @Test
  void classifiesAnIncidentAndAgainOnlyWhenTheCategoryChanges() {
    fixture
        .given(opened("i1", "A1"))
        .when(new ClassifyIncident("i1", IncidentCategory.RANSOMWARE, "ransom note"))
        .expectEvents(
            new IncidentClassified("i1", IncidentCategory.RANSOMWARE, null, "ransom note"));
    fixture
        .given(
            opened("i1", "A1"),
            new IncidentClassified("i1", IncidentCategory.RANSOMWARE, null, "ransom note"))
        .when(new ClassifyIncident("i1", IncidentCategory.RANSOMWARE, "again"))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void cannotActivatePlanWithoutMandate() {
    fixture
        .given(opened("i1", "A1"), triaged())
        .when(activate(null))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            new PlanActivationRefused(
                "i1", "plan-1", 3, MANDATE, "recovery-team", "Ransomware confirmed"))
        .expectResultMessagePayload(new ActivationAnswer(true, List.of()));
  }

  @Test
  void aClosureNamesTheCategoryThePlansActivatedAndWhereTheDataWasRestoredTo() {
    Instant restored = DETECTED.plus(ofHours(10));
    Instant dataAt = DETECTED.minus(ofHours(3));
    fixture
        .given(
            opened("i1", "A1"),
            new IncidentClassified("i1", IncidentCategory.RANSOMWARE, null, "ransom note"),
            triaged(),
            new PlanActivated(
                "i1",
                "plan-1",
                3,
                "Payments DRP",
                "ransomware",
                "Ransomware",
                "incident-commander",
                MANDATE,
                "Ransomware confirmed"),
            new ProcessRestored(
                "i1",
                "p1",
                DETECTED,
                restored,
                dataAt,
                ofHours(10),
                ofHours(3),
                ofHours(8),
                null,
                false,
                null))
        .when(
            new CloseIncident("i1", List.of(new Restoration("p1", restored)), "Restored", restored))
        .expectEvents(
            new IncidentClosed(
                "i1",
                DETECTED,
                List.of(new Restoration("p1", restored, dataAt, null)),
                "Restored",
                IncidentCategory.RANSOMWARE,
                List.of(new ActivatedPlan("plan-1", 3, "ransomware"))));
  }

  @Test
  void activatesAPlanOnATriagedIncidentAndTurnsTheCardsStepsIntoTasks() {
    fixture
        .given(opened("i1", "A1"), triaged())
        .when(activate("incident-commander"))
        .expectEvents(
            new PlanActivated(
                "i1",
                "plan-1",
                3,
                "Payments DRP",
                "ransomware",
                "Ransomware",
                "incident-commander",
                MANDATE,
                "Ransomware confirmed"),
            new IncidentTransitioned(
                "i1",
                IncidentStatus.TRIAGED,
                IncidentStatus.PLAN_ACTIVATED,
                "Plan 'Payments DRP' activated: Ransomware confirmed"),
            new RecoveryTaskCreated(
                "i1",
                "t1",
                1,
                "Isolate the network",
                "recovery-team",
                null,
                "plan-1",
                "ransomware"),
            new RecoveryTaskCreated(
                "i1", "t2", 2, "Restore", "recovery-team", null, "plan-1", "ransomware"))
        .expectResultMessagePayload(new ActivationAnswer(false, List.of("t1", "t2")));
  }

  @Test
  void cannotActivateAPlanBeforeTriageOrTwice() {
    fixture
        .given(opened("i1", "A1"))
        .when(activate("incident-commander"))
        .expectException(Conflict.class)
        .expectNoEvents();
    fixture
        .given(
            opened("i1", "A1"),
            triaged(),
            new IncidentTransitioned(
                "i1", IncidentStatus.TRIAGED, IncidentStatus.PLAN_ACTIVATED, "activated"))
        .when(activate("incident-commander"))
        .expectException(Conflict.class);
  }

  @Test
  void tasksAreAssignedAndMovedThroughTheirStatuses() {
    RecoveryTaskCreated created =
        new RecoveryTaskCreated("i1", "t9", null, "Call the bank", null, null, null, null);
    fixture
        .given(opened("i1", "A1"))
        .when(new AddRecoveryTask("i1", "t9", "Call the bank", null, null))
        .expectEvents(created);
    fixture
        .given(opened("i1", "A1"), created)
        .when(new AssignRecoveryTask("i1", "t9", "alice"))
        .expectEvents(new RecoveryTaskAssigned("i1", "t9", "alice", null));
    fixture
        .given(opened("i1", "A1"), created)
        .when(new ChangeRecoveryTaskStatus("i1", "t9", RecoveryTaskStatus.IN_PROGRESS, "calling"))
        .expectEvents(
            new RecoveryTaskStatusChanged(
                "i1", "t9", RecoveryTaskStatus.TODO, RecoveryTaskStatus.IN_PROGRESS, "calling"));
  }

  @Test
  void aTaskDoesNotMoveToTheStatusItHasAndAnUnknownTaskIsNotFound() {
    RecoveryTaskCreated created =
        new RecoveryTaskCreated("i1", "t9", null, "Call the bank", null, null, null, null);
    fixture
        .given(opened("i1", "A1"), created)
        .when(new ChangeRecoveryTaskStatus("i1", "t9", RecoveryTaskStatus.TODO, null))
        .expectException(RuleViolation.class);
    fixture
        .given(opened("i1", "A1"))
        .when(new ChangeRecoveryTaskStatus("i1", "nope", RecoveryTaskStatus.DONE, null))
        .expectException(NotFound.class);
  }

  @Test
  void mergingIntoAnotherAnswersEverythingAndThenTakesNothingMore() {
    fixture
        .given(opened("i2", "B1"), correlated("i2", "B2", DETECTED.plusSeconds(60)))
        .when(new MergeIntoIncident("i2", "i1", "same attack"))
        .expectEvents(new IncidentMergedInto("i2", "i1", IncidentStatus.REPORTED, "same attack"))
        .expectResultMessagePayload(
            new IncidentParts(
                DETECTED,
                List.of(
                    new AlertPart(
                        "splunk",
                        "B1",
                        "Ransomware",
                        Severity.CRITICAL,
                        DETECTED,
                        List.of(new AssetRef("a1", "db")),
                        List.of(),
                        List.of(payments(DETECTED))),
                    new AlertPart(
                        "sentinel",
                        "B2",
                        "Lateral movement",
                        Severity.HIGH,
                        DETECTED.plusSeconds(60),
                        List.of(new AssetRef("a2", "app")),
                        List.of("host-9"),
                        List.of(payouts(DETECTED))))));
    fixture
        .given(opened("i2", "B1"), new IncidentMergedInto("i2", "i1", IncidentStatus.REPORTED, "x"))
        .when(new ClassifyIncident("i2", IncidentCategory.DDOS, null))
        .expectException(Conflict.class);
    fixture
        .given(opened("i2", "B1"), new IncidentMergedInto("i2", "i1", IncidentStatus.REPORTED, "x"))
        .when(
            new CorrelateAlert(
                "i2",
                "x",
                "X1",
                "t",
                Severity.LOW,
                DETECTED,
                List.of(),
                List.of(),
                List.of(),
                null))
        .expectNoEvents()
        .expectResultMessagePayload(new Intake(null, IncidentStatus.MERGED, false, false));
  }

  @Test
  void absorbingAddsOnlyWhatIsNewToTheIncident() {
    AlertPart known =
        new AlertPart(
            "splunk",
            "B1",
            "Ransomware",
            Severity.CRITICAL,
            DETECTED,
            List.of(new AssetRef("a1", "db"), new AssetRef("a3", "nas")),
            List.of(),
            List.of(payments(DETECTED)));
    fixture
        .given(opened("i1", "A1"))
        .when(new AbsorbIncident("i1", "i2", new IncidentParts(DETECTED, List.of(known)), "same"))
        .expectEvents(
            new IncidentAbsorbed(
                "i1",
                "i2",
                new IncidentParts(
                    DETECTED,
                    List.of(
                        new AlertPart(
                            "splunk",
                            "B1",
                            "Ransomware",
                            Severity.CRITICAL,
                            DETECTED,
                            List.of(new AssetRef("a3", "nas")),
                            List.of(),
                            List.of()))),
                "same"));
  }

  @Test
  void splitsCorrelatedAlertsOffWithDeadlinesFromTheirDetection() {
    Instant later = DETECTED.plusSeconds(3600);
    IncidentParts moved =
        new IncidentParts(
            later,
            List.of(
                new AlertPart(
                    "sentinel",
                    "B2",
                    "Lateral movement",
                    Severity.HIGH,
                    later,
                    List.of(new AssetRef("a2", "app")),
                    List.of("host-9"),
                    List.of(payouts(later)))));
    fixture
        .given(opened("i1", "A1"), correlated("i1", "B2", later))
        .when(new SplitIncident("i1", "i3", List.of(new AlertKey("SENTINEL", "B2")), "unrelated"))
        .expectEvents(new IncidentSplit("i1", "i3", moved, "unrelated"))
        .expectResultMessagePayload(moved);
    fixture
        .givenNoPriorActivity()
        .when(new OpenSplitIncident("i3", "i1", moved, "unrelated"))
        .expectEvents(new IncidentSplitOff("i3", "i1", moved, "unrelated"));
  }

  @Test
  void theOpeningAlertAndUnknownOrRepeatedAlertsCannotBeSplitOff() {
    fixture
        .given(opened("i1", "A1"), correlated("i1", "B2", DETECTED))
        .when(new SplitIncident("i1", "i3", List.of(new AlertKey("splunk", "A1")), "x"))
        .expectException(RuleViolation.class)
        .expectNoEvents();
    fixture
        .given(opened("i1", "A1"), correlated("i1", "B2", DETECTED))
        .when(new SplitIncident("i1", "i3", List.of(new AlertKey("sentinel", "nope")), "x"))
        .expectException(RuleViolation.class);
    fixture
        .given(opened("i1", "A1"), correlated("i1", "B2", DETECTED))
        .when(
            new SplitIncident(
                "i1",
                "i3",
                List.of(new AlertKey("sentinel", "B2"), new AlertKey("sentinel", "B2")),
                "x"))
        .expectException(RuleViolation.class);
  }

  @Test
  void aMergedIncidentIsClosedThroughTheOneItMergedInto() {
    fixture
        .given(opened("i2", "B1"), new IncidentMergedInto("i2", "i1", IncidentStatus.REPORTED, "x"))
        .when(new CloseIncident("i2", List.of(), "done", DETECTED.plusSeconds(60)))
        .expectException(Conflict.class)
        .expectNoEvents();
  }

  @Test
  void anAlertSplitOffAndSentAgainAnswersTheIncidentItWentTo() {
    Instant later = DETECTED.plusSeconds(3600);
    IncidentParts moved =
        new IncidentParts(
            later,
            List.of(
                new AlertPart(
                    "sentinel",
                    "B2",
                    "Lateral movement",
                    Severity.HIGH,
                    later,
                    List.of(),
                    List.of(),
                    List.of())));
    fixture
        .given(
            opened("i1", "A1"),
            correlated("i1", "B2", later),
            new IncidentSplit("i1", "i3", moved, "unrelated"))
        .when(
            new CorrelateAlert(
                "i1",
                "sentinel",
                "B2",
                "Lateral movement",
                Severity.HIGH,
                later,
                List.of(),
                List.of(),
                List.of(),
                null))
        .expectNoEvents()
        .expectResultMessagePayload(new Intake("i3", IncidentStatus.REPORTED, true, false));
  }
}
