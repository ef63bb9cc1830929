/** The Kafka bridge: publishing contract events from the event store, consuming them once. */
package nl.herstel.platform.kafka;
