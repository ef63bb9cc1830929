package nl.herstel.incidents.command;

import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.AlertCorrelated;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.IncidentEvents.IncidentOpened;
import nl.herstel.incidents.api.IncidentEvents.IncidentTransitioned;
import nl.herstel.incidents.api.IncidentStatus;
import nl.herstel.incidents.api.RecoveryCommands.AlertKey;
import nl.herstel.incidents.api.RecoveryCommands.IncidentParts;
import nl.herstel.incidents.api.RecoveryCommands.MergeIncidents;
import nl.herstel.incidents.api.RecoveryCommands.SplitOffIncident;
import nl.herstel.incidents.api.RecoveryEvents.IncidentAbsorbed;
import nl.herstel.incidents.api.RecoveryEvents.IncidentMergedInto;
import nl.herstel.incidents.api.RecoveryEvents.IncidentSplit;
import nl.herstel.incidents.api.RecoveryEvents.IncidentSplitOff;
import nl.herstel.platform.domain.Conflict;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The merge and split component on a real (in-memory) Axon command bus and event store: both
 * incidents record a merge or split, or neither does.
 */
class MergeAndSplitTest {
  private static final Instant DETECTED = Instant.parse("2026-11-29T08:00:00Z");

  private Configuration axon;

  @BeforeEach
  void start() {
    axon =
        DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .configureAggregate(Incident.class)
            .registerCommandHandler(c -> new MergeAndSplit(c::commandGateway))
            .buildConfiguration();
    axon.start();
  }

  @AfterEach
  void stop() {
    axon.shutdown();
  }

  private void given(String incidentId, Object... events) {
    for (int i = 0; i < events.length; i++) {
      axon.eventStore()
          .publish(new GenericDomainEventMessage<>("Incident", incidentId, i, events[i]));
    }
  }

  private List<Object> eventsOf(String incidentId) {
    List<Object> events = new ArrayList<>();
    DomainEventStream stream = axon.eventStore().readEvents(incidentId, 0);
    stream.forEachRemaining(e -> events.add(e.getPayload()));
    return events;
  }

  private static AffectedProcess process(String id, Instant from) {
    return new AffectedProcess(
        id, id, ofHours(8), ofHours(24), from.plus(ofHours(8)), from.plus(ofHours(24)));
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
        List.of(new AssetRef("a-" + sourceId, "db")),
        List.of(),
        List.of(process("p-" + sourceId, DETECTED)),
        null,
        DETECTED,
        null);
  }

  @Test
  void aMergeIsRecordedByBothIncidents() {
    given("i1", opened("i1", "A1"));
    given("i2", opened("i2", "B1"));

    axon.commandGateway().sendAndWait(new MergeIncidents("i1", "i2", "same attack"));

    assertThat(eventsOf("i2"))
        .hasSize(2)
        .last()
        .isEqualTo(new IncidentMergedInto("i2", "i1", IncidentStatus.REPORTED, "same attack"));
    assertThat(eventsOf("i1")).hasSize(2).last().isInstanceOf(IncidentAbsorbed.class);
    IncidentAbsorbed absorbed = (IncidentAbsorbed) eventsOf("i1").get(1);
    assertThat(absorbed.absorbedIncidentId()).isEqualTo("i2");
    assertThat(absorbed.parts().alerts()).hasSize(1);
    assertThat(absorbed.parts().alerts().get(0).sourceId()).isEqualTo("B1");
  }

  @Test
  void aMergeTheSurvivingIncidentRefusesLeavesTheOtherUnmerged() {
    given(
        "i1",
        opened("i1", "A1"),
        new IncidentTransitioned("i1", IncidentStatus.REPORTED, IncidentStatus.DISMISSED, "noise"));
    given("i2", opened("i2", "B1"));

    assertThatThrownBy(
            () -> axon.commandGateway().sendAndWait(new MergeIncidents("i1", "i2", "same")))
        .isInstanceOf(Conflict.class);

    assertThat(eventsOf("i2")).hasSize(1);
    assertThat(eventsOf("i1")).hasSize(2);
  }

  @Test
  void aSplitIsRecordedByTheIncidentTheAlertsLeftAndTheOneTheyOpened() {
    Instant later = DETECTED.plusSeconds(3600);
    given(
        "i1",
        opened("i1", "A1"),
        new AlertCorrelated(
            "i1",
            "sentinel",
            "B2",
            "Lateral movement",
            Severity.HIGH,
            later,
            List.of(new AssetRef("a2", "app")),
            List.of(),
            List.of(process("p2", DETECTED)),
            null,
            null,
            null));

    IncidentParts moved =
        axon.commandGateway()
            .sendAndWait(
                new SplitOffIncident(
                    "i1", "i3", List.of(new AlertKey("sentinel", "B2")), "unrelated"));

    assertThat(moved.alerts()).hasSize(1);
    assertThat(moved.disruptedAt()).isEqualTo(later);
    assertThat(eventsOf("i1"))
        .hasSize(3)
        .last()
        .isEqualTo(new IncidentSplit("i1", "i3", moved, "unrelated"));
    assertThat(eventsOf("i3"))
        .containsExactly(new IncidentSplitOff("i3", "i1", moved, "unrelated"));
  }
}
