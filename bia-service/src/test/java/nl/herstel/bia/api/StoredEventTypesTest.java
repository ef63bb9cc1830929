package nl.herstel.bia.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import nl.herstel.bia.api.BiaEvents.RecoveryTargetsSet;
import nl.herstel.contracts.bia.TargetSource;
import nl.herstel.platform.axon.AxonRuntime;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
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
}
