package nl.herstel.incidents.command;

import static java.time.Duration.ofHours;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.incidents.api.IncidentCommands.ProcessTargets;
import nl.herstel.incidents.api.IncidentCommands.ResolveAssetHint;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.IncidentEvents.IncidentClosed;
import nl.herstel.incidents.api.IncidentEvents.IncidentOpened;
import nl.herstel.incidents.api.IncidentEvents.UnresolvedAssetResolved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An incident resolves a hint it named once the BIA knows the asset. */
class IncidentHintResolutionTest {
  private static final Instant DETECTED = Instant.parse("2026-11-29T08:00:00Z");
  private static final AssetRef PAYDB = new AssetRef("a1", "Payments database");

  private AggregateTestFixture<Incident> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Incident.class);
  }

  private static IncidentOpened openedNaming(String hint) {
    return new IncidentOpened(
        "i1",
        "elastic",
        "u-1",
        "Ransomware",
        null,
        Severity.CRITICAL,
        DETECTED,
        List.of(),
        List.of(hint),
        List.of(),
        null,
        DETECTED,
        null);
  }

  private static ResolveAssetHint resolve(String hint) {
    return new ResolveAssetHint(
        "i1", hint, PAYDB, List.of(new ProcessTargets("p1", "Payments", ofHours(8), ofHours(24))));
  }

  @Test
  void anOpenIncidentGainsTheProcessesWithDeadlinesFromTheOriginalDisruption() {
    fixture
        .given(openedNaming("DB-PAY-01.corp.example.nl"))
        .when(resolve("db-pay-01.corp.example.nl"))
        .expectEvents(
            new UnresolvedAssetResolved(
                "i1",
                "DB-PAY-01.corp.example.nl",
                PAYDB,
                List.of(
                    new AffectedProcess(
                        "p1",
                        "Payments",
                        ofHours(8),
                        ofHours(24),
                        DETECTED.plus(ofHours(8)),
                        DETECTED.plus(ofHours(24)),
                        null))));
  }

  @Test
  void aHintResolvedOnceOrNeverNamedChangesNothing() {
    fixture
        .given(
            openedNaming("db-pay-01"),
            new UnresolvedAssetResolved("i1", "db-pay-01", PAYDB, List.of()))
        .when(resolve("db-pay-01"))
        .expectNoEvents();
    fixture.given(openedNaming("db-pay-01")).when(resolve("web-01")).expectNoEvents();
  }

  @Test
  void aClosedIncidentOnlyRecordsWhichAssetItWas() {
    fixture
        .given(
            openedNaming("db-pay-01"),
            new IncidentClosed("i1", DETECTED, List.of(), "false alarm", null, null))
        .when(resolve("db-pay-01"))
        .expectEvents(new UnresolvedAssetResolved("i1", "db-pay-01", PAYDB, List.of()));
  }
}
