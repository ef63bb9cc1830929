package nl.herstel.incidents.command;

import static java.time.Duration.ofHours;

import java.time.Instant;
import nl.herstel.incidents.api.EvidenceCommands.OpenEvidenceItem;
import nl.herstel.incidents.api.EvidenceCommands.TransferEvidenceItem;
import nl.herstel.incidents.api.EvidenceCommands.VerifyEvidenceItem;
import nl.herstel.incidents.api.IncidentCommands.RegisterEvidence;
import nl.herstel.incidents.api.IncidentCommands.TransferEvidence;
import nl.herstel.incidents.api.IncidentCommands.VerifyEvidence;
import nl.herstel.incidents.api.IncidentEvents.EvidenceRegistered;
import nl.herstel.incidents.api.IncidentEvents.EvidenceTransferred;
import nl.herstel.incidents.api.IncidentEvents.EvidenceVerified;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An evidence item's chain of custody, in a stream of its own. */
class EvidenceItemTest {
  private static final Instant COLLECTED = Instant.parse("2026-11-29T09:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");
  private static final String HASH = "a".repeat(64);

  private AggregateTestFixture<EvidenceItem> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(EvidenceItem.class);
  }

  private static EvidenceRegistered registered() {
    return new EvidenceRegistered("i1", "e1", HASH, "Disk image", "alice", COLLECTED, "Safe 3");
  }

  private static OpenEvidenceItem open(String sha256, Instant collectedAt) {
    return new OpenEvidenceItem(
        "e1",
        new RegisterEvidence(
            "i1", "e1", sha256, "Disk image", "alice", collectedAt, "Safe 3", NOW));
  }

  private static TransferEvidenceItem transfer(
      String incident, String from, String to, Instant at) {
    return new TransferEvidenceItem(
        "e1", new TransferEvidence(incident, "e1", from, to, at, "To the lab", NOW));
  }

  @Test
  void registersTheItemWithItsHashInLowerCaseUnderItsIncident() {
    fixture.givenNoPriorActivity().when(open("A".repeat(64), COLLECTED)).expectEvents(registered());
  }

  @Test
  void refusesAHashThatIsNoSha256() {
    fixture
        .givenNoPriorActivity()
        .when(open("abc123", COLLECTED))
        .expectException(Matchers.matches(e -> "sha256".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  @Test
  void refusesACollectionInTheFuture() {
    fixture
        .givenNoPriorActivity()
        .when(open(HASH, NOW.plus(ofHours(1))))
        .expectException(Matchers.matches(e -> "collectedAt".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  @Test
  void onlyTheCurrentCustodianHandsTheItemOn() {
    Instant at = COLLECTED.plus(ofHours(1));
    fixture
        .given(registered())
        .when(transfer("i1", "Alice", "bob", at))
        .expectEvents(new EvidenceTransferred("i1", "e1", "alice", "bob", at, "To the lab"));
    fixture
        .given(registered(), new EvidenceTransferred("i1", "e1", "alice", "bob", at, "x"))
        .when(transfer("i1", "alice", "carol", at.plusSeconds(60)))
        .expectException(Matchers.matches(e -> "from".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  @Test
  void refusesAHandOverBeforeTheCustodyBeganOrToTheCustodian() {
    fixture
        .given(registered())
        .when(transfer("i1", "alice", "bob", COLLECTED.minusSeconds(1)))
        .expectException(Matchers.matches(e -> "at".equals(((RuleViolation) e).field())))
        .expectNoEvents();
    fixture
        .given(registered())
        .when(transfer("i1", "alice", "Alice", NOW))
        .expectException(Matchers.matches(e -> "to".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  @Test
  void underAnotherIncidentTheItemIsUnknown() {
    fixture
        .given(registered())
        .when(transfer("i2", "alice", "bob", NOW))
        .expectException(Matchers.matches(e -> "itemId".equals(((RuleViolation) e).field())))
        .expectNoEvents();
  }

  @Test
  void recordsAMismatchingVerificationInsteadOfRefusingIt() {
    fixture
        .given(registered())
        .when(
            new VerifyEvidenceItem("e1", new VerifyEvidence("i1", "e1", "b".repeat(64), NOW, NOW)))
        .expectEvents(new EvidenceVerified("i1", "e1", HASH, "b".repeat(64), false, NOW))
        .expectResultMessagePayload(false);
    fixture
        .given(registered())
        .when(
            new VerifyEvidenceItem(
                "e1", new VerifyEvidence("i1", "e1", HASH.toUpperCase(), NOW, NOW)))
        .expectEvents(new EvidenceVerified("i1", "e1", HASH, HASH, true, NOW))
        .expectResultMessagePayload(true);
  }
}
