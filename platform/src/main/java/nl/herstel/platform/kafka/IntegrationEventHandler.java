package nl.herstel.platform.kafka;

import nl.herstel.contracts.IntegrationEvent;

/**
 * Applies one contract event consumed from Kafka. Runs inside the database transaction that also
 * records the event's CloudEvent id, so the effect happens exactly once; commands sent from here
 * join that transaction.
 */
@FunctionalInterface
public interface IntegrationEventHandler<E extends IntegrationEvent> {
  void handle(E event, IncomingEvent envelope);
}
