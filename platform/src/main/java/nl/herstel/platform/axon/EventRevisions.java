package nl.herstel.platform.axon;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.serialization.Revision;

/**
 * Every stored event names the layout it was stored in: its class carries {@link Revision}, which
 * the event store writes with it, so that a later change of the class can bring the events stored
 * before to the new layout ({@link EventLayout}). An event whose class has no revision is refused
 * when it is applied, before anything is stored.
 */
public final class EventRevisions {
  private static final ClassValue<Boolean> REVISED =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return type.isAnnotationPresent(Revision.class);
        }
      };

  private EventRevisions() {}

  /** Whether events of {@code type} name their layout. */
  public static boolean revised(Class<?> type) {
    return REVISED.get(type);
  }

  /** Refuses to publish (and so to store) an event whose class has no {@link Revision}. */
  public static MessageDispatchInterceptor<EventMessage<?>> required() {
    return new MessageDispatchInterceptor<>() {
      @Override
      public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
          List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
          if (!revised(message.getPayloadType())) {
            throw new IllegalStateException(
                message.getPayloadType().getName()
                    + " is stored without a layout revision: annotate it with @Revision");
          }
          return message;
        };
      }
    };
  }
}
