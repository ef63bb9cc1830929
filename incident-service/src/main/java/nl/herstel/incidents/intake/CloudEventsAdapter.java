package nl.herstel.incidents.intake;

import static nl.herstel.incidents.intake.Payload.bad;
import static nl.herstel.incidents.intake.Payload.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import nl.herstel.contracts.incidents.Severity;

/**
 * CloudEvents 1.0 over HTTP, structured ({@code application/cloudevents+json}) and binary ({@code
 * ce-*} headers, the body is the data). The alert is identified as the spec identifies an event, by
 * {@code (source, id)}: a new id is a new alert, whatever its subject. The {@code subject} (the
 * resource the event is about) is an asset hint, and correlates alerts of one source that share it,
 * unless the {@code correlationkey} extension says otherwise. The data may carry our alert fields,
 * all optional: {@code title} (default the event type), {@code severity} (LOW, MEDIUM, HIGH,
 * CRITICAL, default MEDIUM), {@code assets} (or one {@code asset}), {@code description}, {@code
 * detectedAt} (default the event time), {@code correlationKey}. Asset hints, in order: the data's
 * assets, then the subject. Only an event without {@code id} or {@code source} (required by the
 * spec; without them there is no alert to identify) or of another spec version is refused.
 */
public final class CloudEventsAdapter {
  private CloudEventsAdapter() {}

  /** A structured-mode event: attributes and {@code data} in one JSON object. */
  public static Alert structured(JsonNode event) {
    if (event == null || !event.isObject()) {
      throw bad("body", "must be a CloudEvent object");
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
    String id = text(event, "id");
    String source = text(event, "source");
    if (id == null || source == null) {
      throw bad(
          attribute + (id == null ? "id" : "source"),
          "is required by CloudEvents: (source, id) identifies the event");
    }
    Draft draft = new Draft(Payload.cut(source, 100)).sourceId(id);
    if (event.has("data_base64")) {
      draft.warn("data_base64", "binary data is not read; send the alert as JSON in data");
    }
    JsonNode fields = data != null && data.isObject() ? data : null;
    if (fields == null && data != null && !data.isNull() && !event.has("data_base64")) {
      draft.warn(inData.isEmpty() ? "body" : "data", "is not a JSON object; not read");
    }
    String type = text(event, "type");
    draft.title(text(fields, "title") != null ? text(fields, "title") : type);
    String severity = text(fields, "severity");
    draft.severity(severity == null ? Severity.MEDIUM : severity(severity, inData, draft));
    JsonNode assets = fields == null ? null : fields.get("assets");
    if (assets != null && assets.isArray()) {
      assets.forEach(a -> draft.hint(a.isTextual() ? a.asText() : null));
    } else if (assets != null && assets.isTextual()) {
      draft.hint(assets.asText());
    }
    draft.hint(text(fields, "asset"));
    String subject = text(event, "subject");
    draft.hint(subject);
    String detectedAt = text(fields, "detectedAt");
    draft.detectedAt(
        detectedAt != null
            ? draft.time(detectedAt, inData + "detectedAt")
            : draft.time(text(event, "time"), attribute + "time"));
    draft.updatedAt(draft.time(text(event, "time"), attribute + "time"));
    draft.description(text(fields, "description"));
    String key = text(fields, "correlationKey");
    if (key == null) {
      key = text(event, "correlationkey");
    }
    draft.correlationKey(key != null ? key : subject);
    return draft.alert(type == null ? "CloudEvent" : type, event);
  }

  private static Severity severity(String severity, String inData, Draft draft) {
    try {
      return Severity.valueOf(severity.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return draft.unknownSeverity(inData + "severity", severity);
    }
  }
}
