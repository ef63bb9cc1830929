package nl.herstel.incidents.intake;

import static nl.herstel.incidents.intake.Payload.assetTag;
import static nl.herstel.incidents.intake.Payload.bad;
import static nl.herstel.incidents.intake.Payload.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.herstel.contracts.incidents.Severity;

/**
 * OCSF findings: Incident Finding ({@code class_uid} 2005, {@code finding_info_list}) and Detection
 * Finding (2004, {@code finding_info}); other classes are read the same way, with a warning. One
 * finding or an array of them. Source {@code ocsf/<metadata.product.name>}; identified by the
 * finding's {@code uid}, else {@code metadata.uid}, else {@code metadata.correlation_uid}; title
 * the finding's title, else {@code message}, else {@code desc}; severity_id 0–2 → LOW, 3 → MEDIUM,
 * 4 → HIGH, 5–6 → CRITICAL (99 Other → MEDIUM). Asset hints, in order: {@code metadata.labels}
 * {@code asset:NAME}, each of {@code resources[]} (name, uid, hostname), {@code device} (hostname,
 * name, ip, instance_uid, uid), the {@code observables} of type Hostname (1), IP Address (2),
 * Resource UID (10) and Endpoint (20). Detected at the finding's {@code first_seen_time}, else
 * {@code start_time}, else {@code time} (milliseconds since the epoch, or {@code *_dt} ISO times);
 * correlated by {@code metadata.correlation_uid}.
 */
public final class OcsfAdapter {
  public static final int DETECTION_FINDING = 2004;
  public static final int INCIDENT_FINDING = 2005;

  private static final Set<Integer> HOST_OBSERVABLES = Set.of(1, 2, 10, 20);
  private static final Set<String> HOST_OBSERVABLE_NAMES =
      Set.of("hostname", "ip address", "resource uid", "endpoint");

  private OcsfAdapter() {}

  /** The findings of a body: one finding or an array of them. */
  public static List<Alert> mapAll(JsonNode body) {
    if (body != null && body.isArray()) {
      List<Alert> mapped = new ArrayList<>();
      body.forEach(
          finding -> {
            if (finding.isObject()) {
              mapped.add(map(finding));
            }
          });
      if (mapped.isEmpty() && !body.isEmpty()) {
        throw bad("body", "holds no OCSF finding object");
      }
      return mapped;
    }
    return List.of(map(body));
  }

  public static Alert map(JsonNode finding) {
    if (finding == null || !finding.isObject()) {
      throw bad("body", "must be an OCSF finding object");
    }
    JsonNode metadata = finding.path("metadata");
    JsonNode info = finding.get("finding_info");
    if (info == null || !info.isObject()) {
      JsonNode list = finding.path("finding_info_list");
      info = list.isArray() && !list.isEmpty() ? list.get(0) : null;
    }
    String product = text(metadata.path("product"), "name");
    Draft draft =
        new Draft(
            Payload.cut(
                product == null ? "ocsf" : "ocsf/" + product.toLowerCase(Locale.ROOT), 100));
    JsonNode classUid = finding.get("class_uid");
    if (classUid == null
        || !classUid.isIntegralNumber()
        || classUid.asInt() != DETECTION_FINDING && classUid.asInt() != INCIDENT_FINDING) {
      draft.warn(
          "class_uid",
          "is "
              + (classUid == null ? "absent" : classUid.asText())
              + ", not 2004 (Detection Finding) or 2005 (Incident Finding); read as a finding");
    }
    String id = text(info, "uid");
    if (id == null) {
      id = text(metadata, "uid");
    }
    if (id == null) {
      id = text(metadata, "correlation_uid");
    }
    if (id != null) {
      draft.sourceId(id);
    } else {
      draft.sourceIdFrom(finding);
    }
    String title = text(info, "title");
    if (title == null) {
      title = text(finding, "message");
    }
    if (title == null) {
      title = text(finding, "desc");
    }
    draft
        .title(title)
        .severity(severity(finding, draft))
        .description(text(info, "desc") != null ? text(info, "desc") : text(finding, "desc"))
        .correlationKey(text(metadata, "correlation_uid"));
    for (JsonNode label : metadata.path("labels")) {
      draft.hint(assetTag(label.asText()));
    }
    for (JsonNode resource : finding.path("resources")) {
      draft
          .hint(text(resource, "name"))
          .hint(text(resource, "uid"))
          .hint(text(resource, "hostname"));
    }
    JsonNode device = finding.path("device");
    for (String key : List.of("hostname", "name", "ip", "instance_uid", "uid")) {
      draft.hint(text(device, key));
    }
    for (JsonNode observable : finding.path("observables")) {
      String type = text(observable, "type");
      JsonNode typeId = observable.get("type_id");
      if (typeId != null && HOST_OBSERVABLES.contains(typeId.asInt())
          || type != null && HOST_OBSERVABLE_NAMES.contains(type.toLowerCase(Locale.ROOT))) {
        draft.hint(text(observable, "value"));
      }
    }
    Instant detected = info == null ? null : time(info, "first_seen_time", draft);
    if (detected == null) {
      detected = time(finding, "start_time", draft);
    }
    if (detected == null) {
      detected = time(finding, "time", draft);
    }
    draft.detectedAt(detected).updatedAt(time(finding, "time", draft));
    return draft.alert("OCSF finding", finding);
  }

  private static Instant time(JsonNode node, String name, Draft draft) {
    Instant at = draft.epoch(node.get(name), name);
    return at != null ? at : draft.time(text(node, name + "_dt"), name + "_dt");
  }

  private static Severity severity(JsonNode finding, Draft draft) {
    JsonNode severityId = finding.get("severity_id");
    if (severityId == null || !severityId.isIntegralNumber()) {
      String label = text(finding, "severity");
      if (label == null) {
        return Severity.MEDIUM;
      }
      return switch (label.toLowerCase(Locale.ROOT)) {
        case "informational", "low", "unknown" -> Severity.LOW;
        case "medium" -> Severity.MEDIUM;
        case "high" -> Severity.HIGH;
        case "critical", "fatal" -> Severity.CRITICAL;
        default -> draft.unknownSeverity("severity", label);
      };
    }
    return switch (severityId.asInt()) {
      case 0, 1, 2 -> Severity.LOW;
      case 3, 99 -> Severity.MEDIUM;
      case 4 -> Severity.HIGH;
      case 5, 6 -> Severity.CRITICAL;
      default -> draft.unknownSeverity("severity_id", severityId.asInt());
    };
  }
}
