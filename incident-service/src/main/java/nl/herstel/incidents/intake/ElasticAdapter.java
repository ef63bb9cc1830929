package nl.herstel.incidents.intake;

import static nl.herstel.incidents.intake.Payload.assetTag;
import static nl.herstel.incidents.intake.Payload.bad;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.herstel.contracts.incidents.Severity;

/**
 * Elastic Security detection alerts (ECS alert documents, as the webhook connector, an export or a
 * search sends them), whose fields may be nested objects, dotted keys or a mix; one document, an
 * array of them, or {@code {"alerts": [...]}} (the connector's {@code context.alerts}). 8.x {@code
 * kibana.alert.*} fields, with the 7.x {@code signal.*} ones as fallback. Identified by {@code
 * kibana.alert.uuid} (else the document {@code _id}); title the rule name; severity {@code
 * kibana.alert.severity} (low, medium, high, critical), else the risk score (≥ 99 critical, ≥ 73
 * high, ≥ 47 medium, else low, Elastic's own bands). Asset hints, in order: tags {@code
 * asset:NAME}, {@code labels.asset}, {@code host.name}, {@code host.hostname}, every {@code
 * host.ip}, {@code cloud.instance.id}, {@code cloud.instance.name}. Detected at {@code
 * kibana.alert.original_time}, else {@code kibana.alert.start}, else {@code @timestamp}; an EQL
 * sequence correlates by {@code kibana.alert.group.id}.
 */
public final class ElasticAdapter {
  public static final String SOURCE = "elastic";

  private ElasticAdapter() {}

  /** The alerts of a body: one document, an array, or an object with an {@code alerts} array. */
  public static List<Alert> mapAll(JsonNode body) {
    JsonNode documents = body;
    String field = "";
    if (body != null && body.isObject()) {
      JsonNode alerts = find(body, "alerts");
      if (alerts == null) {
        alerts = find(body, "context.alerts");
      }
      if (alerts != null && alerts.isArray()) {
        documents = alerts;
        field = "alerts";
      } else {
        return List.of(map(body));
      }
    }
    if (documents == null || !documents.isArray()) {
      throw bad("body", "must be an Elastic Security alert document or an array of them");
    }
    List<Alert> mapped = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      if (documents.get(i).isObject()) {
        mapped.add(map(documents.get(i)));
      }
    }
    if (mapped.isEmpty() && !documents.isEmpty()) {
      throw bad(field.isEmpty() ? "body" : field, "holds no alert document");
    }
    return mapped;
  }

  /** Whether a body is a list of documents (answered with a list) rather than one document. */
  public static boolean carriesSeveral(JsonNode body) {
    if (body == null) {
      return false;
    }
    if (body.isArray()) {
      return true;
    }
    JsonNode alerts = find(body, "alerts");
    JsonNode context = find(body, "context.alerts");
    return alerts != null && alerts.isArray() || context != null && context.isArray();
  }

  public static Alert map(JsonNode alert) {
    if (alert == null || !alert.isObject()) {
      throw bad("body", "must be an Elastic Security alert document");
    }
    JsonNode doc =
        alert.get("_source") != null && alert.get("_source").isObject()
            ? alert.get("_source")
            : alert;
    Draft draft = new Draft(SOURCE);
    String id = first(doc, "kibana.alert.uuid", "signal.id");
    if (id == null) {
      id = text(alert, "_id");
    }
    if (id != null) {
      draft.sourceId(id);
    } else {
      draft.sourceIdFrom(doc);
    }
    draft
        .title(first(doc, "kibana.alert.rule.name", "signal.rule.name", "rule.name"))
        .severity(severity(doc, draft))
        .description(first(doc, "kibana.alert.reason", "signal.reason", "message"));
    JsonNode tags = find(doc, "tags");
    if (tags != null && tags.isArray()) {
      tags.forEach(t -> draft.hint(assetTag(t.asText())));
    }
    draft.hint(text(doc, "labels.asset"));
    draft.hint(text(doc, "host.name"));
    draft.hint(text(doc, "host.hostname"));
    JsonNode ips = find(doc, "host.ip");
    if (ips != null && ips.isArray()) {
      ips.forEach(ip -> draft.hint(ip.asText()));
    } else {
      draft.hint(text(doc, "host.ip"));
    }
    draft.hint(text(doc, "cloud.instance.id"));
    draft.hint(text(doc, "cloud.instance.name"));
    for (String path :
        List.of("kibana.alert.original_time", "signal.original_time", "kibana.alert.start")) {
      if (!draft.hasDetectedAt()) {
        draft.detectedAt(draft.time(text(doc, path), path));
      }
    }
    if (!draft.hasDetectedAt()) {
      draft.detectedAt(draft.time(text(doc, "@timestamp"), "@timestamp"));
    }
    draft.updatedAt(draft.time(text(doc, "@timestamp"), "@timestamp"));
    draft.correlationKey(text(doc, "kibana.alert.group.id"));
    return draft.alert("Elastic Security alert", alert);
  }

  private static Severity severity(JsonNode doc, Draft draft) {
    String severity = first(doc, "kibana.alert.severity", "signal.rule.severity");
    if (severity != null) {
      return switch (severity.toLowerCase(Locale.ROOT)) {
        case "critical" -> Severity.CRITICAL;
        case "high" -> Severity.HIGH;
        case "medium" -> Severity.MEDIUM;
        case "low" -> Severity.LOW;
        default -> draft.unknownSeverity("kibana.alert.severity", severity);
      };
    }
    JsonNode risk = find(doc, "kibana.alert.risk_score");
    if (risk == null) {
      risk = find(doc, "signal.rule.risk_score");
    }
    if (risk != null && risk.isNumber()) {
      double score = risk.asDouble();
      return score >= 99
          ? Severity.CRITICAL
          : score >= 73 ? Severity.HIGH : score >= 47 ? Severity.MEDIUM : Severity.LOW;
    }
    return Severity.MEDIUM;
  }

  private static String first(JsonNode doc, String... paths) {
    for (String path : paths) {
      String text = text(doc, path);
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  private static String text(JsonNode alert, String path) {
    JsonNode value = find(alert, path);
    if (value != null && value.isArray() && value.size() > 0 && value.get(0).isValueNode()) {
      value = value.get(0);
    }
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
