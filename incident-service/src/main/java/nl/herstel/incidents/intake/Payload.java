package nl.herstel.incidents.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import nl.herstel.platform.rest.InvalidRequest;
import nl.herstel.platform.rest.Problem.FieldError;

/**
 * Reading a vendor's JSON: text at a path, times in the forms SOC tools write, and rejection naming
 * the field as the vendor spells it (e.g. {@code alerts[0].labels.instance}).
 */
final class Payload {
  /** Titles longer than this are cut; a long vendor title must not refuse an alert. */
  static final int MAX_TITLE = 500;

  static final int MAX_DESCRIPTION = 10_000;

  static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private Payload() {}

  /** A 400 naming {@code field}. */
  static InvalidRequest bad(String field, String message) {
    return new InvalidRequest(List.of(new FieldError(field, message)));
  }

  /** The object itself, or a 400 naming {@code field} when it is not a JSON object. */
  static JsonNode object(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      throw bad(field, node == null || node.isMissingNode() ? "is required" : "must be an object");
    }
    return node;
  }

  /** The text of a scalar member, stripped; null when absent, null or blank. */
  static String text(JsonNode node, String name) {
    JsonNode value = node == null ? null : node.get(name);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /** The text of a member, or a 400 naming {@code field} when it is missing. */
  static String required(JsonNode node, String name, String field) {
    String text = text(node, name);
    if (text == null) {
      throw bad(field, "is required");
    }
    return text;
  }

  /** An ISO-8601 time with offset or Z; null when absent; a 400 naming the field when not one. */
  static Instant time(String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException notIso) {
      throw bad(field, "'" + text + "' is not an ISO-8601 time such as 2026-11-29T10:00:00Z");
    }
  }

  /** Milliseconds since the epoch; null when absent; a 400 naming the field when not a number. */
  static Instant epochMillis(JsonNode node, String name, String field) {
    JsonNode value = node == null ? null : node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      throw bad(field, "must be milliseconds since 1970-01-01 as a whole number");
    }
    return Instant.ofEpochMilli(value.asLong());
  }

  /** The text at a path of nested members ({@code a.b.c}); null when absent, null or blank. */
  static String path(JsonNode node, String dotted) {
    JsonNode at = node;
    String[] names = dotted.split("\\.");
    for (int i = 0; i < names.length - 1 && at != null; i++) {
      at = at.get(names[i]);
    }
    return at == null ? null : text(at, names[names.length - 1]);
  }

  /**
   * The member's value, its name compared ignoring case (Sentinel writes both hostName and
   * HostName).
   */
  static JsonNode member(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return null;
    }
    if (node.has(name)) {
      return node.get(name);
    }
    var fields = node.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return null;
  }

  /** The text of a member whose name is compared ignoring case; null when absent or blank. */
  static String textIgnoringCase(JsonNode node, String name) {
    JsonNode value = member(node, name);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /** A tag such as {@code asset:NAME} or {@code asset=NAME}, else null. */
  static String assetTag(String tag) {
    if (tag == null) {
      return null;
    }
    String lower = tag.strip().toLowerCase(java.util.Locale.ROOT);
    return (lower.startsWith("asset:") || lower.startsWith("asset=")) && lower.length() > 6
        ? tag.strip()
        : null;
  }

  static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
