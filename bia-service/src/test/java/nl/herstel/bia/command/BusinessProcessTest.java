package nl.herstel.bia.command;

import static java.time.Duration.ofHours;

import java.util.List;
import nl.herstel.bia.api.BiaCommands.AddProcessDependency;
import nl.herstel.bia.api.BiaCommands.ApplyTargetRevision;
import nl.herstel.bia.api.BiaCommands.AssessImpacts;
import nl.herstel.bia.api.BiaCommands.ChangeProcessDetails;
import nl.herstel.bia.api.BiaCommands.RegisterProcess;
import nl.herstel.bia.api.BiaCommands.RemoveProcessDependency;
import nl.herstel.bia.api.BiaCommands.RetireProcess;
import nl.herstel.bia.api.BiaCommands.SetRecoveryTargets;
import nl.herstel.bia.api.BiaEvents.ImpactsAssessed;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyAdded;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyRemoved;
import nl.herstel.bia.api.BiaEvents.ProcessDetailsChanged;
import nl.herstel.bia.api.BiaEvents.ProcessRegistered;
import nl.herstel.bia.api.BiaEvents.ProcessRetired;
import nl.herstel.bia.api.BiaEvents.RecoveryTargetsSet;
import nl.herstel.bia.api.ImpactCategory;
import nl.herstel.bia.api.ImpactRating;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.contracts.bia.TargetSource;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BusinessProcessTest {
  private AggregateTestFixture<BusinessProcess> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(BusinessProcess.class);
  }

  private static ProcessRegistered payments() {
    return new ProcessRegistered(
        "p1", "Payments", null, true, true, "CFO", ofHours(24), ofHours(8), ofHours(1));
  }

  @Test
  void registersAProcessWithItsTargets() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterProcess(
                "p1",
                "Payments",
                null,
                true,
                true,
                "CFO",
                ofHours(24),
                ofHours(8),
                ofHours(1),
                List.of()))
        .expectSuccessfulHandlerExecution()
        .expectEvents(payments());
  }

  @Test
  void registersTheSupportingAssetsInTheSameCommand() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterProcess(
                "p1",
                "Payments",
                null,
                true,
                true,
                "CFO",
                ofHours(24),
                ofHours(8),
                ofHours(1),
                List.of("a1")))
        .expectSuccessfulHandlerExecution()
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.<Object>exactSequenceOf(
                    Matchers.<Object>equalTo(payments()),
                    Matchers.<Object>matches(
                        e ->
                            e instanceof ProcessDependencyAdded d
                                && d.toId().equals("a1")
                                && d.toKind() == NodeKind.ASSET),
                    Matchers.andNoMore())));
  }

  @Test
  void cannotHaveAnRtoLongerThanTheMtpd() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterProcess(
                "p1", "Payments", null, true, true, null, ofHours(8), ofHours(24), null, List.of()))
        .expectException(RuleViolation.class)
        .expectExceptionMessage(Matchers.matches(m -> m.toString().contains("must not exceed")))
        .expectNoEvents();
  }

  @Test
  void cannotHaveANonPositiveRto() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterProcess(
                "p1", "Payments", null, true, true, null, ofHours(8), ofHours(0), null, List.of()))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void cannotDependOnTheSameAssetTwice() {
    fixture
        .given(
            List.<Object>of(
                payments(), new ProcessDependencyAdded("p1", "d1", "a1", NodeKind.ASSET, null)))
        .when(new AddProcessDependency("p1", "d2", "a1", NodeKind.ASSET, null))
        .expectException(Conflict.class)
        .expectNoEvents();
  }

  @Test
  void cannotDependOnItself() {
    fixture
        .given(payments())
        .when(new AddProcessDependency("p1", "d2", "p1", NodeKind.PROCESS, null))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void setsTargetsByHandAndAnswersTheNewVersion() {
    fixture
        .given(payments())
        .when(new SetRecoveryTargets("p1", ofHours(48), ofHours(12), null, "Audit", 0L))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayload(1L)
        .expectEvents(
            new RecoveryTargetsSet(
                "p1", ofHours(48), ofHours(12), null, TargetSource.MANUAL, null, "Audit"));
  }

  @Test
  void refusesTargetsForAStaleVersion() {
    fixture
        .given(payments(), new ProcessDependencyAdded("p1", "d1", "a1", NodeKind.ASSET, null))
        .when(new SetRecoveryTargets("p1", ofHours(48), ofHours(12), null, "Audit", 0L))
        .expectException(Conflict.class)
        .expectNoEvents();
  }

  @Test
  void refusesTargetsWithAnRtoBeyondTheMtpd() {
    fixture
        .given(payments())
        .when(new SetRecoveryTargets("p1", ofHours(4), ofHours(12), null, "Audit", null))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void appliesARevisionKeepingMtpdAndRpo() {
    fixture
        .given(payments())
        .when(new ApplyTargetRevision("p1", "r1", ofHours(12), null, "Lessons", null))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            new RecoveryTargetsSet(
                "p1",
                ofHours(24),
                ofHours(12),
                ofHours(1),
                TargetSource.REVISION,
                "r1",
                "Lessons"));
  }

  @Test
  void anRpoRevisionChangesOnlyTheRpo() {
    fixture
        .given(payments())
        .when(new ApplyTargetRevision("p1", "r2", null, null, "Lessons", null, ofHours(3)))
        .expectEvents(
            new RecoveryTargetsSet(
                "p1", ofHours(24), ofHours(8), ofHours(3), TargetSource.REVISION, "r2", "Lessons"));
  }

  @Test
  void anMtpdRevisionBelowTheRtoIsRefused() {
    fixture
        .given(payments())
        .when(new ApplyTargetRevision("p1", "r3", null, ofHours(4), "Lessons", null, null))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void aRevisionBeyondTheMtpdNeedsANewMtpd() {
    fixture
        .given(payments())
        .when(new ApplyTargetRevision("p1", "r1", ofHours(30), null, "Lessons", null))
        .expectException(RuleViolation.class)
        .expectExceptionMessage(Matchers.matches(m -> m.toString().contains("mtpd")))
        .expectNoEvents();
    fixture
        .given(payments())
        .when(new ApplyTargetRevision("p1", "r1", ofHours(30), ofHours(48), "Lessons", null))
        .expectEvents(
            new RecoveryTargetsSet(
                "p1",
                ofHours(48),
                ofHours(30),
                ofHours(1),
                TargetSource.REVISION,
                "r1",
                "Lessons"));
  }

  @Test
  void aRetiredProcessKeepsItsTargetsAndCannotBeRetiredAgain() {
    fixture
        .given(payments(), new ProcessRetired("p1", "Outsourced"))
        .when(new SetRecoveryTargets("p1", ofHours(48), ofHours(12), null, "Audit", null))
        .expectException(Conflict.class);
    fixture
        .given(payments(), new ProcessRetired("p1", "Outsourced"))
        .when(new RetireProcess("p1", "Again", null))
        .expectException(Conflict.class);
  }

  @Test
  void removesADependencyOnceAndThenAllowsItAgain() {
    fixture
        .given(payments(), new ProcessDependencyAdded("p1", "d1", "a1", NodeKind.ASSET, null))
        .when(new RemoveProcessDependency("p1", "d1"))
        .expectEvents(new ProcessDependencyRemoved("p1", "d1", "a1", NodeKind.ASSET));
    fixture
        .given(
            payments(),
            new ProcessDependencyAdded("p1", "d1", "a1", NodeKind.ASSET, null),
            new ProcessDependencyRemoved("p1", "d1", "a1", NodeKind.ASSET))
        .when(new RemoveProcessDependency("p1", "d1"))
        .expectException(NotFound.class);
    fixture
        .given(
            payments(),
            new ProcessDependencyAdded("p1", "d1", "a1", NodeKind.ASSET, null),
            new ProcessDependencyRemoved("p1", "d1", "a1", NodeKind.ASSET))
        .when(new AddProcessDependency("p1", "d2", "a1", NodeKind.ASSET, null))
        .expectEvents(new ProcessDependencyAdded("p1", "d2", "a1", NodeKind.ASSET, null));
  }

  @Test
  void assessesImpactsAndRefusesScoresOutOfRangeAndDoubleCells() {
    ImpactRating financial = new ImpactRating(ImpactCategory.FINANCIAL, ofHours(4), 3);
    fixture
        .given(payments())
        .when(new AssessImpacts("p1", List.of(financial), 0L))
        .expectResultMessagePayload(1L)
        .expectEvents(new ImpactsAssessed("p1", List.of(financial)));
    fixture
        .given(payments())
        .when(
            new AssessImpacts(
                "p1", List.of(new ImpactRating(ImpactCategory.FINANCIAL, ofHours(4), 5)), null))
        .expectException(RuleViolation.class)
        .expectNoEvents();
    fixture
        .given(payments())
        .when(new AssessImpacts("p1", List.of(financial, financial), null))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void changesDetailsOnlyWhenTheyDiffer() {
    fixture
        .given(payments())
        .when(new ChangeProcessDetails("p1", "Payments", null, true, true, "CFO", null))
        .expectNoEvents();
    fixture
        .given(payments())
        .when(new ChangeProcessDetails("p1", "Payments", "In and out", true, false, "cfo-2", 0L))
        .expectEvents(
            new ProcessDetailsChanged("p1", "Payments", "In and out", true, false, "cfo-2"));
  }

  @Test
  void refusesDetailsOfAStaleVersion() {
    fixture
        .given(payments(), new ProcessRetired("p1", "gone"))
        .when(new ChangeProcessDetails("p1", "Payments", null, true, true, "X", 0L))
        .expectException(Conflict.class);
  }

  @Test
  void keepsTheAlternativeGroupOfADependency() {
    fixture
        .given(payments())
        .when(new AddProcessDependency("p1", "d1", "a1", NodeKind.ASSET, "datacentre"))
        .expectEvents(new ProcessDependencyAdded("p1", "d1", "a1", NodeKind.ASSET, "datacentre"));
  }
}
