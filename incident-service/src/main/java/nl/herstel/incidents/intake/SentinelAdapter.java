package nl.herstel.incidents.intake;

import static nl.herstel.incidents.intake.Payload.bad;
import static nl.herstel.incidents.intake.Payload.cut;
import static nl.herstel.incidents.intake.Payload.object;
import static nl.herstel.incidents.intake.Payload.required;
import static nl.herstel.incidents.intake.Payload.text;
import static nl.herstel.incidents.intake.Payload.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.herstel.contracts.incidents.Severity;

/**
 * A Microsoft Sentinel incident, as the REST API returns it or wrapped in {@code object} as the
 * automation rule / Logic App trigger sends it. Identified by the incident's {@code name} (its
 * GUID); the assets are the related Host (hostName, else netBiosName), Ip (address) and
 * AzureResource (resourceId) entities; severity High → HIGH, Medium → MEDIUM, Low and Informational
 * → LOW (Sentinel has no critical); detected at the first activity, else creation.
 */
public final class SentinelAdapter {
  public static final String SOURCE = "sentinel";

  private SentinelAdapter() {}

  public static Alert map(JsonNode body) {
    object(body, "body");
    String prefix = body.has("object") ? "object." : "";
    JsonNode incident = body.has("object") ? object(body.get("object"), "object") : body;
    String name = text(incident, "name");
    if (name == null) {
      name = required(incident, "id", prefix + "name");
    }
    JsonNode properties = object(incident.get("properties"), prefix + "properties");
    String at = prefix + "properties.";
    String first = text(properties, "firstActivityTimeUtc");
    return new Alert(
        SOURCE,
        cut(name, 200),
        cut(required(properties, "title", at + "title"), Payload.MAX_TITLE),
        severity(required(properties, "severity", at + "severity"), at + "severity"),
        assets(properties.get("relatedEntities"), at + "relatedEntities"),
        first != null
            ? time(first, at + "firstActivityTimeUtc")
            : time(text(properties, "createdTimeUtc"), at + "createdTimeUtc"),
        cut(text(properties, "description"), Payload.MAX_DESCRIPTION),
        body,
        text(properties, "lastModifiedTimeUtc") != null
            ? time(text(properties, "lastModifiedTimeUtc"), at + "lastModifiedTimeUtc")
            : time(text(properties, "lastActivityTimeUtc"), at + "lastActivityTimeUtc"));
  }

  private static List<String> assets(JsonNode entities, String field) {
    List<String> assets = new ArrayList<>();
    if (entities != null && entities.isArray()) {
      for (JsonNode entity : entities) {
        JsonNode p = entity.has("properties") ? entity.get("properties") : entity;
        String kind = text(entity, "kind");
        String asset =
            switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT)) {
              case "host" ->
                  text(p, "hostName") != null ? text(p, "hostName") : text(p, "netBiosName");
              case "ip" -> text(p, "address");
              case "azureresource" -> text(p, "resourceId");
              default -> null;
            };
        if (asset != null && assets.size() < 100) {
          assets.add(asset);
        }
      }
    }
    if (assets.isEmpty()) {
      throw bad(field, "must hold a Host, Ip or AzureResource entity naming the asset");
    }
    return assets;
  }

  private static Severity severity(String severity, String field) {
    return switch (severity.toLowerCase(Locale.ROOT)) {
      case "high" -> Severity.HIGH;
      case "medium" -> Severity.MEDIUM;
      case "low", "informational" -> Severity.LOW;
      default -> throw bad(field, "must be High, Medium, Low or Informational");
    };
  }
}
