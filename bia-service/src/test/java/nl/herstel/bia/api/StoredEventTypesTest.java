package nl.herstel.bia.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import nl.herstel.bia.api.BiaEvents.RecoveryTargetsSet;
import nl.herstel.bia.config.BiaLayouts;
import nl.herstel.contracts.bia.TargetSource;
import nl.herstel.platform.axon.AxonRuntime;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

/**
 * A stored event names its class ({@code payloadtype}), so the internal events keep their names
 * even where a contract event is called the same: events stored long ago must still load.
 */
class StoredEventTypesTest {
  private final JacksonSerializer serializer =
      JacksonSerializer.builder().objectMapper(AxonRuntime.objectMapper()).build();

  @Test
  void everyInternalEventKeepsTheTypeNameItIsStoredUnder() {
    Class<?>[] events = BiaEvents.class.getDeclaredClasses();
    assertThat(events).hasSizeGreaterThanOrEqualTo(20);
    for (Class<?> event : events) {
      assertThat(event.getName())
          .isEqualTo("nl.herstel.bia.api.BiaEvents$" + event.getSimpleName());
    }
    assertThat(Arrays.stream(events).map(Class::getSimpleName))
        .contains("RecoveryTargetsSet", "ProcessRegistered", "TargetRevisionProposed");
  }

  @Test
  void aRecoveryTargetsSetStoredBeforeTheRestructuringStillLoads() {
    String stored =
        "{\"processId\":\"p-1\",\"mtpd\":\"PT24H\",\"rto\":\"PT8H\",\"rpo\":\"PT1H\","
            + "\"source\":\"REVISION\",\"revisionId\":\"r-1\",\"reason\":\"breach\"}";
    Object event =
        serializer.deserialize(
            new SimpleSerializedObject<>(
                stored.getBytes(StandardCharsets.UTF_8),
                byte[].class,
                "nl.herstel.bia.api.BiaEvents$RecoveryTargetsSet",
                null));
    assertThat(event)
        .isEqualTo(
            new RecoveryTargetsSet(
                "p-1",
                Duration.ofHours(24),
                Duration.ofHours(8),
                Duration.ofHours(1),
                TargetSource.REVISION,
                "r-1",
                "breach"));
  }

  @Test
  void aTargetRevisionStoredBeforeThreatLikelihoodsStillLoadsWithoutAThreat() {
    String stored =
        "{\"revisionId\":\"r-1\",\"processId\":\"p-1\",\"incidentId\":\"i-1\","
            + "\"currentRto\":\"PT8H\",\"actualRecoveryTime\":\"PT11H\","
            + "\"proposedRto\":\"PT12H\",\"rationale\":\"Took 11h\","
            + "\"proposedBy\":\"lessons-service\",\"proposedMtpd\":null,\"kind\":\"RTO\","
            + "\"currentTarget\":\"PT8H\",\"proposedRpo\":null,\"evidence\":[{"
            + "\"incidentId\":\"i-1\",\"measure\":\"RECOVERY_TIME\",\"measured\":\"PT11H\","
            + "\"target\":\"PT8H\"}],\"proposalId\":\"prop-1\"}";
    Object event =
        serializer.deserialize(
            new SimpleSerializedObject<>(
                stored.getBytes(StandardCharsets.UTF_8),
                byte[].class,
                "nl.herstel.bia.api.BiaEvents$TargetRevisionProposed",
                null));
    assertThat(event)
        .isEqualTo(
            new BiaEvents.TargetRevisionProposed(
                "r-1",
                "p-1",
                "i-1",
                Duration.ofHours(8),
                Duration.ofHours(11),
                Duration.ofHours(12),
                "Took 11h",
                "lessons-service",
                null,
                RevisionKind.RTO,
                Duration.ofHours(8),
                null,
                java.util.List.of(
                    new RevisionEvidence(
                        "i-1", "RECOVERY_TIME", Duration.ofHours(11), Duration.ofHours(8))),
                "prop-1",
                null,
                null,
                null));
    Object decided =
        serializer.deserialize(
            new SimpleSerializedObject<>(
                ("{\"revisionId\":\"r-1\",\"processId\":\"p-1\",\"accepted\":true,"
                        + "\"reason\":\"Agreed\",\"proposalId\":\"prop-1\"}")
                    .getBytes(StandardCharsets.UTF_8),
                byte[].class,
                "nl.herstel.bia.api.BiaEvents$TargetRevisionDecided",
                null));
    assertThat(decided)
        .isEqualTo(
            new BiaEvents.TargetRevisionDecided("r-1", "p-1", true, "Agreed", "prop-1", null));
  }

  @Test
  void aTargetRevisionInTheFirstLayoutReadsAsAnRtoRevisionWithoutEvidence() {
    String stored =
        "{\"revisionId\":\"r-0\",\"processId\":\"p-1\",\"incidentId\":\"i-1\","
            + "\"currentRto\":\"PT8H\",\"actualRecoveryTime\":\"PT11H\","
            + "\"proposedRto\":\"PT12H\",\"rationale\":\"Took 11h\","
            + "\"proposedBy\":\"lessons-service\",\"proposedMtpd\":null}";
    DomainEventMessage<?> event = upcasted("TargetRevisionProposed", stored);
    assertThat(event.getPayload())
        .isEqualTo(
            new BiaEvents.TargetRevisionProposed(
                "r-0",
                "p-1",
                "i-1",
                Duration.ofHours(8),
                Duration.ofHours(11),
                Duration.ofHours(12),
                "Took 11h",
                "lessons-service",
                null,
                RevisionKind.RTO,
                Duration.ofHours(8),
                null,
                java.util.List.of(),
                null,
                null,
                null,
                null));
    DomainEventMessage<?> decided =
        upcasted(
            "TargetRevisionDecided",
            "{\"revisionId\":\"r-0\",\"processId\":\"p-1\",\"accepted\":false,"
                + "\"reason\":\"No\"}");
    assertThat(decided.getPayload())
        .isEqualTo(new BiaEvents.TargetRevisionDecided("r-0", "p-1", false, "No", null, null));
  }

  @Test
  void anEventStoredInTheCurrentLayoutIsLeftAsItIs() {
    String stored =
        "{\"revisionId\":\"r-2\",\"processId\":null,\"incidentId\":\"i-2\","
            + "\"kind\":\"THREAT_LIKELIHOOD\",\"evidence\":[{\"incidentId\":\"i-2\","
            + "\"measure\":\"OCCURRENCE\",\"disruptedAt\":\"2026-01-01T00:00:00Z\"}],"
            + "\"threatId\":\"t-1\",\"currentLikelihood\":2,\"proposedLikelihood\":3}";
    BiaEvents.TargetRevisionProposed event =
        (BiaEvents.TargetRevisionProposed) upcasted("TargetRevisionProposed", stored).getPayload();
    assertThat(event.kind()).isEqualTo(RevisionKind.THREAT_LIKELIHOOD);
    assertThat(event.currentTarget()).isNull();
    assertThat(event.evidence()).hasSize(1);
    assertThat(event.evidence().get(0).disruptedAt()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(event.proposedLikelihood()).isEqualTo(3);
  }

  /** Reads a stored event without a revision as the event store does: through the upcasters. */
  private DomainEventMessage<?> upcasted(String type, String payload) {
    DomainEventData<byte[]> stored =
        new GenericDomainEventEntry<>(
            "TargetRevision",
            "agg-1",
            0,
            "event-1",
            "2026-01-01T00:00:00Z",
            "nl.herstel.bia.api.BiaEvents$" + type,
            null,
            payload.getBytes(StandardCharsets.UTF_8),
            "{}".getBytes(StandardCharsets.UTF_8));
    DomainEventStream stream =
        EventStreamUtils.upcastAndDeserializeDomainEvents(
            Stream.of(stored), serializer, new EventUpcasterChain(BiaLayouts.all()));
    assertThat(stream.hasNext()).isTrue();
    return stream.next();
  }
}
