package nl.herstel.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Objects;

/**
 * The one JSON mapping of integration events, shared by producers and consumers so both sides agree
 * on the wire form.
 *
 * <ul>
 *   <li>{@code Instant} is an ISO-8601 UTC string ({@code 2025-03-01T08:00:00Z}) and {@code
 *       Duration} an ISO-8601 duration ({@code PT8H}), never numbers.
 *   <li>Unknown properties are ignored: consumers are tolerant readers, so a producer may add a
 *       field without breaking them.
 *   <li>No polymorphic (default) typing: a payload never names a Java class, which would be a
 *       deserialisation hole.
 * </ul>
 */
public final class ContractJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ContractJson() {}

  /**
   * The shared, configured mapper. It is thread-safe once configured; do not reconfigure it — use
   * {@link ObjectMapper#copy()} if a variant is needed.
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Serialises an event to its UTF-8 JSON payload. */
  public static byte[] write(IntegrationEvent event) {
    Objects.requireNonNull(event, "event");
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new ContractException("cannot write " + event.getClass().getSimpleName(), e);
    }
  }

  /** Reads a UTF-8 JSON payload as an event of the given type. */
  public static <T extends IntegrationEvent> T read(byte[] json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new ContractException("cannot read " + type.getSimpleName(), e);
    }
  }
}
