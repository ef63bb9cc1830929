package nl.herstel.incidents.intake;

import static nl.herstel.incidents.intake.Payload.bad;
import static nl.herstel.incidents.intake.Payload.cut;
import static nl.herstel.incidents.intake.Payload.epochMillis;
import static nl.herstel.incidents.intake.Payload.object;
import static nl.herstel.incidents.intake.Payload.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.herstel.contracts.incidents.Severity;

/**
 * An OCSF Incident Finding ({@code class_uid} 2005). Source {@code ocsf/<metadata.product.name>};
 * identified by {@code finding_info_list[0].uid}, else {@code metadata.correlation_uid}; title the
 * first finding's title, else {@code desc}; severity_id 0–2 → LOW, 3 → MEDIUM, 4 → HIGH, 5–6 →
 * CRITICAL; the assets are {@code resources[].name} (else uid) and {@code device.hostname} (else
 * name, else ip); detected at the first finding's {@code first_seen_time}, else {@code time}
 * (milliseconds since the epoch).
 */
public final class OcsfAdapter {
  public static final int INCIDENT_FINDING = 2005;

  private OcsfAdapter() {}

  public static Alert map(JsonNode finding) {
    object(finding, "body");
    JsonNode classUid = finding.get("class_uid");
    if (classUid == null || !classUid.isIntegralNumber() || classUid.asInt() != INCIDENT_FINDING) {
      throw bad("class_uid", "must be 2005 (Incident Finding)");
    }
    JsonNode infos = finding.get("finding_info_list");
    JsonNode first = infos != null && infos.isArray() && !infos.isEmpty() ? infos.get(0) : null;
    JsonNode metadata = finding.get("metadata");
    String id = text(first, "uid");
    if (id == null) {
      id = text(metadata, "correlation_uid");
    }
    if (id == null) {
      throw bad("finding_info_list[0].uid", "is required: it identifies the incident");
    }
    String title = text(first, "title");
    if (title == null) {
      title = text(finding, "desc");
    }
    if (title == null) {
      throw bad("finding_info_list[0].title", "is required");
    }
    String product = text(metadata == null ? null : metadata.get("product"), "name");
    var firstSeen =
        first == null
            ? null
            : epochMillis(first, "first_seen_time", "finding_info_list[0].first_seen_time");
    return new Alert(
        cut(product == null ? "ocsf" : "ocsf/" + product.toLowerCase(Locale.ROOT), 100),
        cut(id, 200),
        cut(title, Payload.MAX_TITLE),
        severity(finding.get("severity_id")),
        assets(finding),
        firstSeen != null ? firstSeen : epochMillis(finding, "time", "time"),
        cut(text(finding, "desc"), Payload.MAX_DESCRIPTION),
        finding,
        epochMillis(finding, "time", "time"));
  }

  private static List<String> assets(JsonNode finding) {
    List<String> assets = new ArrayList<>();
    JsonNode resources = finding.get("resources");
    if (resources != null && resources.isArray()) {
      for (JsonNode resource : resources) {
        String name =
            text(resource, "name") != null ? text(resource, "name") : text(resource, "uid");
        if (name != null && assets.size() < 100) {
          assets.add(name);
        }
      }
    }
    JsonNode device = finding.get("device");
    for (String key : List.of("hostname", "name", "ip")) {
      String value = text(device, key);
      if (value != null) {
        if (assets.size() < 100) {
          assets.add(value);
        }
        break;
      }
    }
    if (assets.isEmpty()) {
      throw bad("resources", "must name the affected asset (resources[].name or device.hostname)");
    }
    return assets;
  }

  private static Severity severity(JsonNode severityId) {
    if (severityId == null || !severityId.isIntegralNumber()) {
      throw bad("severity_id", "is required: 0 to 6");
    }
    return switch (severityId.asInt()) {
      case 0, 1, 2 -> Severity.LOW;
      case 3 -> Severity.MEDIUM;
      case 4 -> Severity.HIGH;
      case 5, 6 -> Severity.CRITICAL;
      default -> throw bad("severity_id", "must be 0 to 6");
    };
  }
}
