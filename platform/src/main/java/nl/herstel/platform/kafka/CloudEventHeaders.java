package nl.herstel.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents 1.0 Kafka binary-mode headers, plus W3C trace context and our correlation id. */
final class CloudEventHeaders {
  static final String ID = "ce_id";
  static final String TYPE = "ce_type";
  static final String SOURCE = "ce_source";
  static final String TIME = "ce_time";
  static final String SUBJECT = "ce_subject";
  static final String SPEC_VERSION = "ce_specversion";
  static final String CONTENT_TYPE = "content-type";
  static final String TRACEPARENT = "traceparent";
  static final String CORRELATION_ID = "herstel_correlationid";

  private CloudEventHeaders() {}

  static void put(Headers headers, String name, String value) {
    if (value != null) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  static String get(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  static Instant time(Headers headers) {
    String value = get(headers, TIME);
    try {
      return value == null ? null : Instant.parse(value);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * A W3C traceparent whose trace id is derived from the correlation id, stable per conversation.
   */
  static String traceparent(String correlationId, String eventId) {
    UUID trace = UUID.nameUUIDFromBytes(correlationId.getBytes(StandardCharsets.UTF_8));
    UUID span = UUID.nameUUIDFromBytes(eventId.getBytes(StandardCharsets.UTF_8));
    HexFormat hex = HexFormat.of();
    String traceId =
        hex.toHexDigits(trace.getMostSignificantBits())
            + hex.toHexDigits(trace.getLeastSignificantBits());
    String spanId = hex.toHexDigits(span.getMostSignificantBits());
    return "00-" + traceId + "-" + spanId + "-01";
  }
}
