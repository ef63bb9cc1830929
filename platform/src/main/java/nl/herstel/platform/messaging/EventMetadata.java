package nl.herstel.platform.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

/**
 * The metadata keys every event carries, and the Axon interceptors and correlation providers that
 * put them there: the caller's facts go onto each command, and from each command onto every event
 * it causes.
 */
public final class EventMetadata {
  public static final String PRINCIPAL = "principal";
  public static final String ROLE = "role";
  public static final String SOURCE = "source";
  public static final String CORRELATION_ID = "correlationId";
  public static final String CAUSATION_ID = "causationId";
  public static final String TRACE_ID = "traceId";

  private EventMetadata() {}

  /** Adds the current {@link Caller} to every dispatched command that does not carry one yet. */
  public static MessageDispatchInterceptor<CommandMessage<?>> callerInterceptor() {
    return new MessageDispatchInterceptor<>() {
      @Override
      public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
          List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
          if (command.getMetaData().containsKey(PRINCIPAL)) {
            return command;
          }
          return CallContext.current()
              .<CommandMessage<?>>map(
                  caller -> {
                    Map<String, Object> facts = new java.util.HashMap<>();
                    facts.put(PRINCIPAL, caller.principal());
                    facts.put(ROLE, caller.role());
                    facts.put(SOURCE, caller.source());
                    facts.put(CORRELATION_ID, caller.correlationId());
                    if (caller.causationId() != null) {
                      facts.put(CAUSATION_ID, caller.causationId());
                    }
                    return command.andMetaData(facts);
                  })
              .orElse(command);
        };
      }
    };
  }

  /**
   * Copies who/role/source and the correlation from a command to its events; sets causation. The
   * correlation id is the conversation's (the {@code X-Correlation-Id} of the request, or of the
   * incoming event), so the events of one request carry the id its client sent; a message without
   * one starts a conversation named by its own id.
   */
  public static List<CorrelationDataProvider> correlationProviders() {
    return List.of(
        EventMetadata::origin,
        new SimpleCorrelationDataProvider(PRINCIPAL, ROLE, SOURCE),
        EventMetadata::causation);
  }

  private static Map<String, ?> origin(Message<?> message) {
    Object correlation = message.getMetaData().get(CORRELATION_ID);
    return Map.of(
        CORRELATION_ID,
        correlation == null ? message.getIdentifier() : correlation,
        TRACE_ID,
        message.getMetaData().getOrDefault(TRACE_ID, message.getIdentifier()));
  }

  private static Map<String, ?> causation(Message<?> message) {
    return Map.of(CAUSATION_ID, message.getIdentifier());
  }
}
