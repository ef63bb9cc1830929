package nl.herstel.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * An event that leaves the service that produced it and travels over Kafka to the others.
 *
 * <p>Integration events are the only way services learn about each other; internal (Axon) events
 * are not part of this contract. Every implementation is registered in {@link EventTypes} with a
 * CloudEvents type, a topic and a JSON Schema.
 */
public interface IntegrationEvent {

  /**
   * The id of the aggregate this event is about: the Kafka record key (so that all events of one
   * aggregate stay in order on one partition) and the CloudEvents {@code ce_subject}. It is not
   * part of the JSON payload.
   */
  @JsonIgnore
  String subject();

  /** When the fact happened in the producing service, in UTC. */
  Instant occurredAt();
}
