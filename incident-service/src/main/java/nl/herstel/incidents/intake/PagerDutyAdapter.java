package nl.herstel.incidents.intake;

import static nl.herstel.incidents.intake.Payload.bad;
import static nl.herstel.incidents.intake.Payload.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import nl.herstel.contracts.incidents.Severity;

/**
 * PagerDuty Events API v2: a {@code trigger} event becomes an alert identified by its {@code
 * dedup_key} (when the sender left it out, by a hash of the event, so that a retry is still the
 * same alert); {@code acknowledge} and {@code resolve} open nothing. Asset hints, in order: {@code
 * payload.custom_details.asset}, {@code payload.source} (the affected system, "preferably a
 * hostname or FQDN"), {@code payload.component}, {@code payload.group}, and {@code host}, {@code
 * hostname}, {@code ip} in {@code custom_details}. Severity critical → CRITICAL, error → HIGH,
 * warning → MEDIUM, info → LOW. Detected at {@code payload.timestamp}. The {@code routing_key} is a
 * secret and is never kept.
 */
public final class PagerDutyAdapter {
  public static final String SOURCE = "pagerduty";

  private PagerDutyAdapter() {}

  /** The alert of a trigger event; empty for acknowledge and resolve. */
  public static Optional<Alert> map(JsonNode event) {
    if (event == null || !event.isObject()) {
      throw bad("body", "must be a PagerDuty Events API v2 event object");
    }
    ObjectNode raw = event.deepCopy();
    raw.remove("routing_key");
    Draft draft = new Draft(SOURCE);
    String action = text(event, "event_action");
    if (action == null) {
      draft.warn("event_action", "none given; taken as trigger");
    } else if (action.equalsIgnoreCase("acknowledge") || action.equalsIgnoreCase("resolve")) {
      return Optional.empty();
    } else if (!action.equalsIgnoreCase("trigger")) {
      draft.warn("event_action", "unknown action '" + action + "'; taken as trigger");
    }
    JsonNode payload = event.path("payload");
    JsonNode details = payload.path("custom_details");
    String dedupKey = text(event, "dedup_key");
    if (dedupKey != null) {
      draft.sourceId(dedupKey);
    } else {
      draft.sourceIdFrom(raw);
    }
    String timestamp = text(payload, "timestamp");
    draft
        .title(text(payload, "summary"))
        .severity(severity(text(payload, "severity"), draft))
        .hint(text(details, "asset"))
        .hint(text(payload, "source"))
        .hint(text(payload, "component"))
        .hint(text(payload, "group"))
        .hint(text(details, "host"))
        .hint(text(details, "hostname"))
        .hint(text(details, "ip"));
    Instant at = draft.time(timestamp, "payload.timestamp");
    draft.detectedAt(at).updatedAt(at);
    return Optional.of(draft.alert("PagerDuty event", raw));
  }

  private static Severity severity(String severity, Draft draft) {
    if (severity == null) {
      draft.warn("payload.severity", "none given; taken as MEDIUM");
      return Severity.MEDIUM;
    }
    return switch (severity.toLowerCase(Locale.ROOT)) {
      case "critical" -> Severity.CRITICAL;
      case "error" -> Severity.HIGH;
      case "warning" -> Severity.MEDIUM;
      case "info" -> Severity.LOW;
      default -> draft.unknownSeverity("payload.severity", severity);
    };
  }
}
