package nl.herstel.incidents.intake;

import static nl.herstel.incidents.intake.Payload.assetTag;
import static nl.herstel.incidents.intake.Payload.bad;
import static nl.herstel.incidents.intake.Payload.member;
import static nl.herstel.incidents.intake.Payload.text;
import static nl.herstel.incidents.intake.Payload.textIgnoringCase;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import nl.herstel.contracts.incidents.Severity;

/**
 * Microsoft Sentinel: an incident (the REST resource, bare or wrapped in {@code object} as the
 * automation rule / playbook incident trigger sends it) or an alert (the SecurityAlert schema the
 * alert trigger sends, with {@code Entities} as an array or as the JSON text Log Analytics keeps;
 * or the REST alert resource). An incident is identified by its {@code name} (its GUID), an alert
 * by its {@code SystemAlertId}. Asset hints, in order: labels {@code asset:NAME}, then each Host
 * entity (host name with its DNS domain as an FQDN, the host name, the NetBIOS name, the Azure id),
 * Ip entity (address) and Azure resource entity (resource id), in the order Sentinel lists them; an
 * incident or alert without entities is taken without hints. Severity High → HIGH, Medium → MEDIUM,
 * Low and Informational → LOW (Sentinel has no critical). Detected at the first activity (an
 * alert's start time), else creation.
 */
public final class SentinelAdapter {
  public static final String SOURCE = "sentinel";

  private SentinelAdapter() {}

  public static Alert map(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw bad("body", "must be a Sentinel incident or alert object");
    }
    JsonNode item =
        body.get("object") != null && body.get("object").isObject() ? body.get("object") : body;
    String prefix = item == body ? "" : "object.";
    JsonNode properties =
        item.get("properties") != null && item.get("properties").isObject()
            ? item.get("properties")
            : item;
    String at = item.has("properties") ? prefix + "properties." : prefix;
    boolean alert =
        textIgnoringCase(properties, "alertDisplayName") != null
            || textIgnoringCase(properties, "systemAlertId") != null;
    Draft draft = new Draft(SOURCE);
    String id =
        alert
            ? first(properties, item, "systemAlertId", "vendorOriginalId", "name")
            : first(item, properties, "name", "id", "incidentNumber");
    if (id != null) {
      draft.sourceId(id);
    } else {
      draft.sourceIdFrom(item);
    }
    draft
        .title(
            alert
                ? first(properties, item, "alertDisplayName", "alertName", "displayName")
                : textIgnoringCase(properties, "title"))
        .severity(
            severity(
                first(properties, item, alert ? "alertSeverity" : "severity", "severity"),
                at + (alert ? "AlertSeverity" : "severity"),
                draft))
        .description(textIgnoringCase(properties, "description"));
    for (JsonNode label : properties.path("labels")) {
      String name = label.isTextual() ? label.asText() : text(label, "labelName");
      draft.hint(assetTag(name));
    }
    entities(member(properties, alert ? "entities" : "relatedEntities"), draft);
    if (!alert) {
      entities(member(properties, "entities"), draft);
    }
    String first =
        first(
            properties, item, "firstActivityTimeUtc", "startTimeUtc", "startTime", "timeGenerated");
    String created = first(properties, item, "createdTimeUtc", "timeGenerated");
    draft.detectedAt(draft.time(first != null ? first : created, at + "firstActivityTimeUtc"));
    String modified = first(properties, item, "lastModifiedTimeUtc", "lastActivityTimeUtc");
    draft.updatedAt(draft.time(modified, at + "lastModifiedTimeUtc"));
    return draft.alert(alert ? "Sentinel alert" : "Sentinel incident", body);
  }

  private static void entities(JsonNode entities, Draft draft) {
    if (entities != null && entities.isTextual()) {
      try {
        entities = Payload.JSON.readTree(entities.asText());
      } catch (Exception notJson) {
        draft.warn("Entities", "is text but not JSON; ignored");
        return;
      }
    }
    if (entities == null || !entities.isArray()) {
      return;
    }
    for (JsonNode entity : entities) {
      JsonNode p =
          entity.get("properties") != null && entity.get("properties").isObject()
              ? entity.get("properties")
              : entity;
      String kind = textIgnoringCase(entity, "kind");
      if (kind == null) {
        kind = textIgnoringCase(entity, "type");
      }
      switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT).replace("-", "")) {
        case "host" -> {
          String host = textIgnoringCase(p, "hostName");
          String domain = textIgnoringCase(p, "dnsDomain");
          if (host != null && domain != null) {
            draft.hint(host + "." + domain);
          }
          draft.hint(host);
          draft.hint(textIgnoringCase(p, "netBiosName"));
          draft.hint(textIgnoringCase(p, "azureID"));
        }
        case "ip" -> draft.hint(textIgnoringCase(p, "address"));
        case "azureresource" -> draft.hint(textIgnoringCase(p, "resourceId"));
        default -> {}
      }
    }
  }

  private static String first(JsonNode node, JsonNode fallback, String... names) {
    for (String name : names) {
      String text = textIgnoringCase(node, name);
      if (text == null && fallback != node) {
        text = textIgnoringCase(fallback, name);
      }
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  private static Severity severity(String severity, String field, Draft draft) {
    if (severity == null) {
      return Severity.MEDIUM;
    }
    return switch (severity.toLowerCase(Locale.ROOT)) {
      case "high" -> Severity.HIGH;
      case "medium" -> Severity.MEDIUM;
      case "low", "informational" -> Severity.LOW;
      default -> draft.unknownSeverity(field, severity);
    };
  }
}
