package nl.herstel.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.junit.jupiter.api.Test;

class EventMetadataTest {

  private static Map<String, Object> correlationData(GenericCommandMessage<?> command) {
    Map<String, Object> data = new HashMap<>();
    for (CorrelationDataProvider provider : EventMetadata.correlationProviders()) {
      data.putAll(provider.correlationDataFor(command));
    }
    return data;
  }

  @Test
  void eventsCarryTheCorrelationIdTheClientSent() {
    GenericCommandMessage<?> command =
        new GenericCommandMessage<>("open")
            .andMetaData(
                MetaData.with(EventMetadata.CORRELATION_ID, "client-42")
                    .and(EventMetadata.PRINCIPAL, "ann"));

    Map<String, Object> data = correlationData(command);

    assertThat(data)
        .containsEntry(EventMetadata.CORRELATION_ID, "client-42")
        .containsEntry(EventMetadata.PRINCIPAL, "ann")
        .containsEntry(EventMetadata.CAUSATION_ID, command.getIdentifier());
  }

  @Test
  void aCommandWithoutACorrelationIdStartsAConversationNamedByItsOwnId() {
    GenericCommandMessage<?> command = new GenericCommandMessage<>("open");

    assertThat(correlationData(command))
        .containsEntry(EventMetadata.CORRELATION_ID, command.getIdentifier())
        .containsEntry(EventMetadata.TRACE_ID, command.getIdentifier());
  }
}
