package nl.herstel.incidents.command;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.incidents.api.Audience;
import nl.herstel.incidents.api.Channel;
import nl.herstel.incidents.api.CostKind;
import nl.herstel.incidents.api.EvidenceCommands.AdmitEvidence;
import nl.herstel.incidents.api.EvidenceCommands.TransferIncidentEvidence;
import nl.herstel.incidents.api.EvidenceCommands.VerifyIncidentEvidence;
import nl.herstel.incidents.api.IncidentCommands.CloseIncident;
import nl.herstel.incidents.api.IncidentCommands.LogCommunication;
import nl.herstel.incidents.api.IncidentCommands.OpenIncident;
import nl.herstel.incidents.api.IncidentCommands.ProcessTargets;
import nl.herstel.incidents.api.IncidentCommands.RecordCost;
import nl.herstel.incidents.api.IncidentCommands.RecordRestoration;
import nl.herstel.incidents.api.IncidentCommands.TransferEvidence;
import nl.herstel.incidents.api.IncidentCommands.VerifyEvidence;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.IncidentEvents.CommunicationLogged;
import nl.herstel.incidents.api.IncidentEvents.CostRecorded;
import nl.herstel.incidents.api.IncidentEvents.EvidenceRegistered;
import nl.herstel.incidents.api.IncidentEvents.EvidenceTransferred;
import nl.herstel.incidents.api.IncidentEvents.EvidenceVerified;
import nl.herstel.incidents.api.IncidentEvents.IncidentClosed;
import nl.herstel.incidents.api.IncidentEvents.IncidentOpened;
import nl.herstel.incidents.api.IncidentEvents.ProcessRestored;
import nl.herstel.incidents.api.IncidentEvents.Restoration;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Communications, admitting evidence, restorations and costs on the incident. */
class IncidentRecordsTest {
  private static final Instant DETECTED = Instant.parse("2026-11-29T08:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");
  private static final String HASH = "a".repeat(64);

  private AggregateTestFixture<Incident> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Incident.class);
  }

  /** Payments with RTO 8h, MTPD 24h, RPO 1h; Payouts from an older event without an RPO. */
  private static IncidentOpened opened() {
    return new IncidentOpened(
        "i1",
        "splunk",
        "ALERT-1",
        "Ransomware",
        null,
        Severity.CRITICAL,
        DETECTED,
        List.of(new AssetRef("a1", "db-payments")),
        List.of(),
        List.of(
            new AffectedProcess(
                "p1",
                "Payments",
                ofHours(8),
                ofHours(24),
                DETECTED.plus(ofHours(8)),
                DETECTED.plus(ofHours(24)),
                ofHours(1)),
            new AffectedProcess(
                "p2",
                "Payouts",
                ofHours(12),
                ofHours(48),
                DETECTED.plus(ofHours(12)),
                DETECTED.plus(ofHours(48)))),
        null,
        DETECTED,
        null);
  }

  private static IncidentClosed closed() {
    return new IncidentClosed("i1", DETECTED, List.of(), "done", null, null);
  }

  private static EvidenceRegistered registered() {
    return new EvidenceRegistered(
        "i1", "e1", HASH, "Disk image", "alice", DETECTED.plus(ofHours(1)), "Safe 3");
  }

  @Test
  void carriesTheRpoFromTheBiaIntoTheAffectedProcesses() {
    fixture
        .givenNoPriorActivity()
        .when(
            new OpenIncident(
                "i1",
                "splunk",
                "ALERT-1",
                "Ransomware",
                null,
                Severity.CRITICAL,
                DETECTED,
                NOW,
                List.of(),
                List.of(),
                List.of(new ProcessTargets("p1", "Payments", ofHours(8), ofHours(24), ofHours(1))),
                null,
                DETECTED))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.exactSequenceOf(
                    Matchers.matches(
                        e ->
                            ((IncidentOpened) e)
                                .affectedProcesses()
                                .get(0)
                                .rpo()
                                .equals(ofHours(1))),
                    Matchers.andNoMore())));
  }

  @Test
  void logsACommunicationWithItsAudienceChannelAndOutOfBandFlag() {
    Instant sent = DETECTED.plus(ofHours(2));
    fixture
        .given(opened())
        .when(
            new LogCommunication(
                "i1", "c1", Audience.REGULATORS, Channel.PHONE, true, "Told the DPA", sent, NOW))
        .expectEvents(
            new CommunicationLogged(
                "i1", "c1", Audience.REGULATORS, Channel.PHONE, true, "Told the DPA", sent));
  }

  @Test
  void refusesACommunicationSentBeforeTheDisruptionOrInTheFuture() {
    fixture
        .given(opened())
        .when(
            new LogCommunication(
                "i1",
                "c1",
                Audience.MEDIA,
                Channel.PRESS,
                false,
                "x",
                DETECTED.minus(ofMinutes(6)),
                NOW))
        .expectException(RuleViolation.class)
        .expectException(Matchers.matches(e -> "sentAt".equals(((RuleViolation) e).field())))
        .expectNoEvents();
    fixture
        .given(opened())
        .when(
            new LogCommunication(
                "i1", "c1", Audience.MEDIA, Channel.PRESS, false, "x", NOW.plus(ofMinutes(6)), NOW))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void aClosedIncidentTakesNoRecords() {
    fixture
        .given(opened(), closed())
        .when(
            new LogCommunication(
                "i1", "c1", Audience.INTERNAL, Channel.EMAIL, false, "x", NOW, NOW))
        .expectException(Conflict.class)
        .expectNoEvents();
    fixture
        .given(opened(), closed())
        .when(new RecordCost("i1", "k1", CostKind.LEGAL, BigDecimal.TEN, "EUR", "Lawyer", NOW, NOW))
        .expectException(Conflict.class)
        .expectNoEvents();
  }

  @Test
  void anOpenIncidentAdmitsNewEvidenceWithoutStoringAnything() {
    fixture.given(opened()).when(new AdmitEvidence("i1", "e1")).expectNoEvents();
  }

  @Test
  void aClosedIncidentAdmitsNoNewEvidence() {
    fixture
        .given(opened(), closed())
        .when(new AdmitEvidence("i1", "e1"))
        .expectException(Conflict.class)
        .expectNoEvents();
  }

  /** Items registered in the incident's stream, the old way, keep their chain of custody there. */
  @Test
  void anItemStoredInTheIncidentsStreamIsHandedOnThereAlsoAfterClosure() {
    Instant at = DETECTED.plus(ofHours(2));
    fixture
        .given(opened(), registered(), closed())
        .when(
            new TransferIncidentEvidence(
                "i1", new TransferEvidence("i1", "e1", "Alice", "bob", at, "To the lab", NOW)))
        .expectEvents(new EvidenceTransferred("i1", "e1", "alice", "bob", at, "To the lab"));
    fixture
        .given(
            opened(),
            registered(),
            new EvidenceTransferred("i1", "e1", "alice", "bob", at, "To the lab"))
        .when(
            new TransferIncidentEvidence(
                "i1",
                new TransferEvidence("i1", "e1", "alice", "carol", at.plusSeconds(60), "x", NOW)))
        .expectException(Matchers.matches(e -> "from".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  @Test
  void anUnknownItemIsNotInTheIncidentsCustody() {
    fixture
        .given(opened(), registered())
        .when(
            new TransferIncidentEvidence(
                "i1", new TransferEvidence("i1", "nope", "alice", "bob", NOW, "x", NOW)))
        .expectException(Matchers.matches(e -> "itemId".equals(((RuleViolation) e).field())))
        .expectNoEvents();
    fixture
        .given(opened(), registered())
        .when(new VerifyIncidentEvidence("i1", new VerifyEvidence("i1", "nope", HASH, NOW, NOW)))
        .expectException(Matchers.matches(e -> "itemId".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  @Test
  void anItemStoredInTheIncidentsStreamIsVerifiedThereAlsoAfterClosure() {
    fixture
        .given(opened(), registered(), closed())
        .when(
            new VerifyIncidentEvidence(
                "i1", new VerifyEvidence("i1", "e1", "b".repeat(64), NOW, NOW)))
        .expectEvents(new EvidenceVerified("i1", "e1", HASH, "b".repeat(64), false, NOW))
        .expectResultMessagePayload(false);
  }

  @Test
  void aRestorationComparesRecoveryTimeAndDataLossWithRtoAndRpo() {
    Instant restored = DETECTED.plus(ofHours(10));
    Instant dataTo = DETECTED.minus(ofMinutes(30));
    fixture
        .given(opened())
        .when(new RecordRestoration("i1", "p1", restored, dataTo, NOW))
        .expectEvents(
            new ProcessRestored(
                "i1",
                "p1",
                DETECTED,
                restored,
                dataTo,
                ofHours(10),
                ofMinutes(30),
                ofHours(8),
                ofHours(1),
                false,
                true));
  }

  @Test
  void aRestorationOfAProcessWithoutAnRpoLeavesTheDataLossVerdictOpen() {
    Instant restored = DETECTED.plus(ofHours(4));
    fixture
        .given(opened())
        .when(new RecordRestoration("i1", "p2", restored, DETECTED.minus(ofHours(3)), NOW))
        .expectEvents(
            new ProcessRestored(
                "i1",
                "p2",
                DETECTED,
                restored,
                DETECTED.minus(ofHours(3)),
                ofHours(4),
                ofHours(3),
                ofHours(12),
                null,
                true,
                null));
  }

  @Test
  void refusesARestorationOfAnUnaffectedProcessOrWithDataFromAfterIt() {
    fixture
        .given(opened())
        .when(new RecordRestoration("i1", "p9", NOW, DETECTED, NOW))
        .expectException(Matchers.matches(e -> "processId".equals(((RuleViolation) e).field())))
        .expectNoEvents();
    fixture
        .given(opened())
        .when(new RecordRestoration("i1", "p1", DETECTED.plus(ofHours(1)), NOW, NOW))
        .expectException(
            Matchers.matches(e -> "dataRestoredTo".equals(((RuleViolation) e).field())))
        .expectNoEvents();
    fixture
        .given(opened())
        .when(new RecordRestoration("i1", "p1", DETECTED.minusSeconds(1), DETECTED, NOW))
        .expectException(Matchers.matches(e -> "restoredAt".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  @Test
  void recordsAPositiveCostAndRefusesZero() {
    BigDecimal amount = new BigDecimal("1250.50");
    fixture
        .given(opened())
        .when(new RecordCost("i1", "k1", CostKind.LEGAL, amount, "EUR", "Lawyer", NOW, NOW))
        .expectEvents(new CostRecorded("i1", "k1", CostKind.LEGAL, amount, "EUR", "Lawyer", NOW));
    fixture
        .given(opened())
        .when(new RecordCost("i1", "k1", CostKind.LEGAL, BigDecimal.ZERO, "EUR", "x", NOW, NOW))
        .expectException(Matchers.matches(e -> "amount".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  @Test
  void aClosureWithoutRestorationsReportsTheOnesRecordedDuringTheRecovery() {
    Instant first = DETECTED.plus(ofHours(4));
    Instant again = DETECTED.plus(ofHours(6));
    fixture
        .given(
            opened(),
            restoredAt("p1", first),
            restoredAt("p2", DETECTED.plus(ofHours(5))),
            restoredAt("p1", again))
        .when(new CloseIncident("i1", List.of(), "Restored", NOW))
        .expectEvents(
            new IncidentClosed(
                "i1",
                DETECTED,
                List.of(
                    new Restoration(
                        "p2", DETECTED.plus(ofHours(5)), DETECTED.plus(ofHours(5)), null),
                    new Restoration("p1", again, again, ofHours(1))),
                "Restored",
                null,
                null));
  }

  private static ProcessRestored restoredAt(String processId, Instant at) {
    return new ProcessRestored(
        "i1", processId, DETECTED, at, at, ofHours(1), ofHours(0), ofHours(8), null, true, null);
  }
}
