package nl.herstel.incidents.intake;

import static nl.herstel.incidents.intake.Payload.assetTag;
import static nl.herstel.incidents.intake.Payload.bad;
import static nl.herstel.incidents.intake.Payload.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.herstel.contracts.incidents.Severity;

/**
 * TheHive: an alert or a case, bare (as the API returns it) or as a webhook notification ({@code
 * objectType} alert or case, the object in {@code object}; TheHive 3/4 audit and TheHive 5
 * notifications alike). An alert is identified as TheHive does, by type, source and sourceRef; a
 * case by {@code case/<number>}. A {@code Delete} notification opens nothing. Asset hints, in
 * order: tags {@code asset:NAME}, the {@code hostname}, {@code fqdn}, {@code ip} and {@code domain}
 * observables (TheHive 5 {@code observables}, TheHive 3/4 {@code artifacts}), a custom field {@code
 * asset}. Severity 1 → LOW, 2 → MEDIUM (also when absent), 3 → HIGH, 4 → CRITICAL (or TheHive 5's
 * {@code severityLabel}); {@code date} (a case's {@code startDate}) in milliseconds since the
 * epoch. An alert that became a case correlates by the case.
 */
public final class TheHiveAdapter {
  public static final String SOURCE = "thehive";

  private static final Set<String> HOST_TYPES = Set.of("hostname", "fqdn", "ip", "domain");

  private TheHiveAdapter() {}

  /** The alert of a notification or object; empty for a deletion. */
  public static Optional<Alert> map(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw bad("body", "must be a TheHive alert, case or webhook notification object");
    }
    JsonNode object = body;
    String kind = null;
    if (body.has("objectType") && body.get("object") != null && body.get("object").isObject()) {
      object = body.get("object");
      kind = text(body, "objectType").toLowerCase(Locale.ROOT);
      String operation = text(body, "operation");
      if (operation == null) {
        operation = text(body, "action");
      }
      if (operation != null && operation.toLowerCase(Locale.ROOT).startsWith("delete")) {
        return Optional.empty();
      }
    }
    if (kind == null) {
      String type = text(object, "_type");
      kind =
          type != null && type.toLowerCase(Locale.ROOT).contains("case")
                  || object.has("caseId") && !object.has("sourceRef")
              ? "case"
              : "alert";
    }
    boolean isCase = kind.contains("case");
    Draft draft = new Draft(SOURCE);
    if (isCase) {
      String number = first(object, "number", "caseId", "_id", "id");
      if (number == null) {
        number = text(body, "objectId");
      }
      if (number != null) {
        draft.sourceId("case/" + number).correlationKey("case/" + number);
      } else {
        draft.sourceIdFrom(object);
      }
    } else {
      String sourceRef = text(object, "sourceRef");
      String source = text(object, "source");
      String type = text(object, "type");
      if (sourceRef != null) {
        draft.sourceId(
            (type == null ? "" : type + "/") + (source == null ? "" : source + "/") + sourceRef);
      } else {
        String id = first(object, "_id", "id");
        if (id == null) {
          id = text(body, "objectId");
        }
        if (id != null) {
          draft.sourceId(id);
        } else {
          draft.sourceIdFrom(object);
        }
        draft.warn("sourceRef", "none given; the alert is identified by its id");
      }
      String caseRef = first(object, "case", "caseId");
      if (caseRef != null) {
        draft.correlationKey("case/" + caseRef);
      }
    }
    draft
        .title(text(object, "title"))
        .severity(severity(object, draft))
        .description(text(object, "description"));
    for (JsonNode tag : object.path("tags")) {
      draft.hint(assetTag(tag.asText()) == null ? null : tag.asText());
    }
    String observablesField = object.has("observables") ? "observables" : "artifacts";
    for (JsonNode observable : object.path(observablesField)) {
      String dataType = text(observable, "dataType");
      if (dataType != null && HOST_TYPES.contains(dataType.toLowerCase(Locale.ROOT))) {
        draft.hint(text(observable, "data"));
      }
    }
    draft.hint(customField(object.path("customFields"), "asset"));
    Instant detected =
        draft.epoch(object.get(isCase ? "startDate" : "date"), isCase ? "startDate" : "date");
    if (detected == null) {
      detected = draft.epoch(object.get("_createdAt"), "_createdAt");
    }
    Instant updated = draft.epoch(object.get("updatedAt"), "updatedAt");
    if (updated == null) {
      updated = draft.epoch(object.get("_updatedAt"), "_updatedAt");
    }
    draft.detectedAt(detected).updatedAt(updated);
    return Optional.of(draft.alert(isCase ? "TheHive case" : "TheHive alert", body));
  }

  /**
   * A custom field's value: TheHive 5 writes {@code {name: value}} or a list of {@code {name,
   * value}}; TheHive 4 {@code {name: {string: value}}}.
   */
  private static String customField(JsonNode fields, String name) {
    if (fields.isArray()) {
      for (JsonNode field : fields) {
        if (name.equalsIgnoreCase(text(field, "name"))) {
          return text(field, "value");
        }
      }
      return null;
    }
    JsonNode value = fields.get(name);
    if (value == null) {
      return null;
    }
    if (value.isObject()) {
      return first(value, "string", "value");
    }
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  private static String first(JsonNode node, String... names) {
    for (String name : names) {
      String text = text(node, name);
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  private static Severity severity(JsonNode object, Draft draft) {
    JsonNode severity = object.get("severity");
    String label = text(object, "severityLabel");
    if ((severity == null || severity.isNull()) && label != null) {
      return switch (label.toLowerCase(Locale.ROOT)) {
        case "low" -> Severity.LOW;
        case "medium" -> Severity.MEDIUM;
        case "high" -> Severity.HIGH;
        case "critical" -> Severity.CRITICAL;
        default -> draft.unknownSeverity("severityLabel", label);
      };
    }
    if (severity == null || severity.isNull()) {
      return Severity.MEDIUM;
    }
    return switch (severity.asText()) {
      case "1" -> Severity.LOW;
      case "2" -> Severity.MEDIUM;
      case "3" -> Severity.HIGH;
      case "4" -> Severity.CRITICAL;
      default -> draft.unknownSeverity("severity", severity.asText());
    };
  }
}
