package nl.herstel.incidents.intake;

import static nl.herstel.incidents.intake.Payload.bad;
import static nl.herstel.incidents.intake.Payload.cut;
import static nl.herstel.incidents.intake.Payload.object;
import static nl.herstel.incidents.intake.Payload.text;
import static nl.herstel.incidents.intake.Payload.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.herstel.contracts.incidents.Severity;

/**
 * CloudEvents 1.0 over HTTP, structured ({@code application/cloudevents+json}) and binary ({@code
 * ce-*} headers, the body is the data). The data carries our alert fields: {@code severity} and
 * {@code assets} required; {@code title} (default the event type), {@code sourceId} (default the
 * subject, else the event id), {@code detectedAt} (default the event time), {@code description}.
 * The source is the event's {@code source}; the whole event is kept as raw data.
 */
public final class CloudEventsAdapter {
  private CloudEventsAdapter() {}

  /** A structured-mode event: attributes and {@code data} in one JSON object. */
  public static Alert structured(JsonNode event) {
    object(event, "body");
    if (event.has("data_base64")) {
      throw bad("data_base64", "is not supported; send the alert as JSON in data");
    }
    return map(event, event.get("data"), "", "data.");
  }

  /**
   * A binary-mode event: attributes from the {@code ce-*} headers (names in lower case), data in
   * the body.
   */
  public static Alert binary(Map<String, String> headers, JsonNode data) {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    headers.forEach(
        (name, value) -> {
          if (name.startsWith("ce-")) {
            event.put(name.substring(3), value);
          }
        });
    event.set("data", data);
    return map(event, data, "ce-", "");
  }

  private static Alert map(JsonNode event, JsonNode data, String attribute, String inData) {
    String version = text(event, "specversion");
    if (!"1.0".equals(version)) {
      throw bad(attribute + "specversion", "must be 1.0");
    }
    String id = required(event, "id", attribute + "id");
    String source = required(event, "source", attribute + "source");
    String type = required(event, "type", attribute + "type");
    if (data == null || !data.isObject()) {
      throw bad(inData.isEmpty() ? "body" : "data", "must be a JSON object with the alert");
    }
    String title = text(data, "title");
    String sourceId = text(data, "sourceId");
    if (sourceId == null) {
      sourceId = text(event, "subject") != null ? text(event, "subject") : id;
    }
    String detectedAt = text(data, "detectedAt");
    return new Alert(
        cut(source, 100),
        cut(sourceId, 200),
        cut(title == null ? type : title, Payload.MAX_TITLE),
        severity(required(data, "severity", inData + "severity"), inData + "severity"),
        assets(data.get("assets"), inData + "assets"),
        detectedAt != null
            ? time(detectedAt, inData + "detectedAt")
            : time(text(event, "time"), attribute + "time"),
        cut(text(data, "description"), Payload.MAX_DESCRIPTION),
        event,
        time(text(data, "updatedAt"), inData + "updatedAt") != null
            ? time(text(data, "updatedAt"), inData + "updatedAt")
            : time(text(event, "time"), attribute + "time"),
        cut(
            text(data, "correlationKey") != null
                ? text(data, "correlationKey")
                : text(event, "correlationkey"),
            200));
  }

  private static String required(JsonNode node, String name, String field) {
    String text = text(node, name);
    if (text == null) {
      throw bad(field, "is required");
    }
    return text;
  }

  private static List<String> assets(JsonNode assets, String field) {
    if (assets == null || !assets.isArray() || assets.isEmpty() || assets.size() > 100) {
      throw bad(field, "must be an array of 1 to 100 asset ids or names");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < assets.size(); i++) {
      JsonNode asset = assets.get(i);
      if (!asset.isTextual() || asset.asText().isBlank()) {
        throw bad(field + "[" + i + "]", "must be a non-blank asset id or name");
      }
      names.add(asset.asText().strip());
    }
    return names;
  }

  private static Severity severity(String severity, String field) {
    try {
      return Severity.valueOf(severity.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw bad(field, "unknown value '" + severity + "'; allowed: LOW, MEDIUM, HIGH, CRITICAL");
    }
  }
}
