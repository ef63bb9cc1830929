package nl.herstel.incidents.intake;

import static nl.herstel.incidents.intake.Payload.bad;
import static nl.herstel.incidents.intake.Payload.cut;
import static nl.herstel.incidents.intake.Payload.object;
import static nl.herstel.incidents.intake.Payload.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import nl.herstel.contracts.incidents.Severity;

/**
 * An Elastic Security alert document (ECS, as the webhook connector or an export sends it), whose
 * fields may be nested objects or dotted keys or a mix. Identified by {@code kibana.alert.uuid};
 * title the rule name; severity {@code kibana.alert.severity} (low, medium, high, critical); asset
 * {@code host.name}, else {@code host.hostname}, else the first {@code host.ip}; detected at {@code
 * kibana.alert.original_time}, else {@code @timestamp}.
 */
public final class ElasticAdapter {
  public static final String SOURCE = "elastic";

  private ElasticAdapter() {}

  public static Alert map(JsonNode alert) {
    object(alert, "body");
    String asset = text(alert, "host.name");
    if (asset == null) {
      asset = text(alert, "host.hostname");
    }
    if (asset == null) {
      JsonNode ip = find(alert, "host.ip");
      asset =
          ip != null && ip.isArray() && !ip.isEmpty() ? ip.get(0).asText() : text(alert, "host.ip");
    }
    if (asset == null) {
      throw bad("host.name", "is required: the host the alert is about");
    }
    String original = text(alert, "kibana.alert.original_time");
    return new Alert(
        SOURCE,
        cut(required(alert, "kibana.alert.uuid"), 200),
        cut(required(alert, "kibana.alert.rule.name"), Payload.MAX_TITLE),
        severity(required(alert, "kibana.alert.severity")),
        List.of(asset),
        original != null
            ? time(original, "kibana.alert.original_time")
            : time(text(alert, "@timestamp"), "@timestamp"),
        cut(text(alert, "kibana.alert.reason"), Payload.MAX_DESCRIPTION),
        alert,
        time(text(alert, "@timestamp"), "@timestamp"));
  }

  private static Severity severity(String severity) {
    return switch (severity.toLowerCase(Locale.ROOT)) {
      case "critical" -> Severity.CRITICAL;
      case "high" -> Severity.HIGH;
      case "medium" -> Severity.MEDIUM;
      case "low" -> Severity.LOW;
      default -> throw bad("kibana.alert.severity", "must be low, medium, high or critical");
    };
  }

  private static String required(JsonNode alert, String path) {
    String text = text(alert, path);
    if (text == null) {
      throw bad(path, "is required");
    }
    return text;
  }

  private static String text(JsonNode alert, String path) {
    JsonNode value = find(alert, path);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /** The value at a dotted ECS path, whether written as nested objects, dotted keys or a mix. */
  static JsonNode find(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      return null;
    }
    if (node.has(path)) {
      return node.get(path);
    }
    int dot = path.indexOf('.');
    while (dot > 0) {
      JsonNode child = node.get(path.substring(0, dot));
      if (child != null) {
        JsonNode found = find(child, path.substring(dot + 1));
        if (found != null) {
          return found;
        }
      }
      dot = path.indexOf('.', dot + 1);
    }
    return null;
  }
}
