package nl.herstel.platform.kafka;

import java.time.Instant;

/**
 * The CloudEvents envelope of a consumed record.
 *
 * @param id the CloudEvent id (the producer's event id), used for de-duplication
 * @param type the CloudEvents type, e.g. {@code nl.herstel.bia.process-registered.v1}
 * @param source the producing service, e.g. {@code urn:herstel:bia-service}
 * @param time when the event happened at the producer
 * @param correlationId the conversation it belongs to
 */
public record IncomingEvent(
    String id, String type, String source, Instant time, String correlationId) {}
