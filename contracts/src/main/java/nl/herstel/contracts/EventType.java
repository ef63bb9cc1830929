package nl.herstel.contracts;

import java.util.Objects;

/**
 * The published identity of one integration event: its CloudEvents type, the record that carries
 * it, the topic it travels on and the JSON Schema that describes its payload.
 *
 * @param type the CloudEvents {@code ce_type}, e.g. {@code nl.herstel.bia.process-registered.v1}; a
 *     breaking change of the payload is a new type with the next version suffix
 * @param recordClass the record that is serialised as the payload
 * @param topic the topic the event is published on
 * @param schemaPath the classpath resource of the payload's JSON Schema, e.g. {@code
 *     schemas/nl.herstel.bia.process-registered.v1.json}
 */
public record EventType(
    String type, Class<? extends IntegrationEvent> recordClass, Topic topic, String schemaPath) {

  public EventType {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(recordClass, "recordClass");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(schemaPath, "schemaPath");
  }
}
