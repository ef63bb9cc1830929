package nl.herstel.platform.kafka;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A Kafka record the service could not apply after several attempts, kept so its partition moves
 * on; an operator replays it (after fixing the cause) or discards it.
 *
 * @param payload the record's value as text (contract events are JSON)
 */
@Schema(description = "A Kafka record this service could not apply, set aside with its error")
public record DeadLetter(
    UUID id,
    String topic,
    int partition,
    long offset,
    String key,
    @Schema(description = "the record's CloudEvent id (ce_id)") String messageId,
    @Schema(description = "the record's CloudEvent type (ce_type)") String type,
    Map<String, String> headers,
    String payload,
    @Schema(description = "why applying it failed, the last time") String error,
    int attempts,
    Instant failedAt,
    Status status,
    Instant settledAt,
    String settledBy,
    String note) {

  /** Where a dead letter stands. */
  public enum Status {
    /** Waiting for an operator. */
    PENDING,
    /** Applied after all, by an operator's replay. */
    REPLAYED,
    /** Set aside for good by an operator, with a note. */
    DISCARDED
  }
}
