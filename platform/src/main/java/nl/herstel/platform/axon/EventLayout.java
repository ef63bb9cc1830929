package nl.herstel.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.Consumer;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Brings events of one class stored in an earlier layout (an earlier revision, or no revision:
 * stored before events had one) to the layout its class has now, whose revision is the class's
 * {@link Revision}. The change works on the stored JSON object and fills in what a later field
 * means for an event that was stored before the field existed: a value that is true for the past,
 * not just null where the code needs one. Registered per service with {@link
 * ModuleDefinition#upcaster}; the event store applies it wherever events are read (aggregates,
 * tracking processors, history).
 */
public final class EventLayout extends SingleEventUpcaster {
  private final String type;
  private final String from;
  private final String to;
  private final Consumer<ObjectNode> change;

  private EventLayout(String type, String from, String to, Consumer<ObjectNode> change) {
    this.type = type;
    this.from = from;
    this.to = to;
    this.change = change;
  }

  /**
   * Events of {@code type} stored without a revision, brought to the class's current revision by
   * {@code change} (which must tolerate fields that are there already: events stored without a
   * revision come in every layout the class has had).
   */
  public static EventLayout unrevised(Class<?> type, Consumer<ObjectNode> change) {
    return from(type, null, change);
  }

  /** Events of {@code type} stored with revision {@code revision}, brought to the current one. */
  public static EventLayout from(Class<?> type, String revision, Consumer<ObjectNode> change) {
    Revision current = type.getAnnotation(Revision.class);
    if (current == null) {
      throw new IllegalArgumentException(type.getName() + " needs @Revision");
    }
    if (Objects.equals(current.value(), revision)) {
      throw new IllegalArgumentException(
          type.getName() + " is at revision " + revision + " already");
    }
    return new EventLayout(
        type.getName(), revision, current.value(), Objects.requireNonNull(change));
  }

  /**
   * Sets {@code field} to {@code value} when the stored object lacks it; a missing value (as {@link
   * JsonNode#path} gives for an absent field) sets null.
   */
  public static void fill(ObjectNode event, String field, JsonNode value) {
    if (!event.has(field)) {
      event.set(field, value == null || value.isMissingNode() ? NullNode.getInstance() : value);
    }
  }

  /** Sets a missing {@code field} to null: the field did not exist, and null is what it means. */
  public static void absent(ObjectNode event, String field) {
    if (!event.has(field)) {
      event.putNull(field);
    }
  }

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return type.equals(representation.getType().getName())
        && Objects.equals(from, representation.getType().getRevision());
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(
      IntermediateEventRepresentation representation) {
    return representation.upcastPayload(
        new SimpleSerializedType(type, to),
        JsonNode.class,
        stored -> {
          ObjectNode event = ((ObjectNode) stored).deepCopy();
          change.accept(event);
          return event;
        });
  }

  @Override
  public String toString() {
    return "EventLayout[" + type + " " + from + " -> " + to + "]";
  }
}
