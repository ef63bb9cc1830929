package nl.herstel.incidents.intake;

import static nl.herstel.incidents.intake.Payload.bad;
import static nl.herstel.incidents.intake.Payload.cut;
import static nl.herstel.incidents.intake.Payload.object;
import static nl.herstel.incidents.intake.Payload.required;
import static nl.herstel.incidents.intake.Payload.text;
import static nl.herstel.incidents.intake.Payload.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.herstel.contracts.incidents.Severity;

/**
 * PagerDuty Events API v2: a {@code trigger} event becomes an alert identified by its {@code
 * dedup_key} (or, when the sender left it out, by a hash of summary, source and timestamp, so that
 * a retry is still the same alert); {@code acknowledge} and {@code resolve} open nothing. The asset
 * is {@code payload.source}, plus {@code payload.component} when given; severity critical →
 * CRITICAL, error → HIGH, warning → MEDIUM, info → LOW. The {@code routing_key} is a secret and is
 * never kept.
 */
public final class PagerDutyAdapter {
  public static final String SOURCE = "pagerduty";

  private PagerDutyAdapter() {}

  /** The alert of a trigger event; empty for acknowledge and resolve. */
  public static Optional<Alert> map(JsonNode event) {
    object(event, "body");
    String action = required(event, "event_action", "event_action").toLowerCase(Locale.ROOT);
    if (action.equals("acknowledge") || action.equals("resolve")) {
      return Optional.empty();
    }
    if (!action.equals("trigger")) {
      throw bad("event_action", "must be trigger, acknowledge or resolve");
    }
    JsonNode payload = object(event.get("payload"), "payload");
    String summary = required(payload, "summary", "payload.summary");
    String source = required(payload, "source", "payload.source");
    String timestamp = text(payload, "timestamp");
    String dedupKey = text(event, "dedup_key");
    String component = text(payload, "component");
    ObjectNode raw = event.deepCopy();
    raw.remove("routing_key");
    return Optional.of(
        new Alert(
            SOURCE,
            dedupKey != null ? dedupKey : hash(summary + "\u0000" + source + "\u0000" + timestamp),
            cut(summary, Payload.MAX_TITLE),
            severity(required(payload, "severity", "payload.severity")),
            component == null || component.equalsIgnoreCase(source)
                ? List.of(source)
                : List.of(source, component),
            time(timestamp, "payload.timestamp"),
            null,
            raw,
            time(timestamp, "payload.timestamp")));
  }

  private static Severity severity(String severity) {
    return switch (severity.toLowerCase(Locale.ROOT)) {
      case "critical" -> Severity.CRITICAL;
      case "error" -> Severity.HIGH;
      case "warning" -> Severity.MEDIUM;
      case "info" -> Severity.LOW;
      default -> throw bad("payload.severity", "must be critical, error, warning or info");
    };
  }

  private static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
