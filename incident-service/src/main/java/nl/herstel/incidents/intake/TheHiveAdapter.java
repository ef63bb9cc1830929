package nl.herstel.incidents.intake;

import static nl.herstel.incidents.intake.Payload.bad;
import static nl.herstel.incidents.intake.Payload.cut;
import static nl.herstel.incidents.intake.Payload.epochMillis;
import static nl.herstel.incidents.intake.Payload.object;
import static nl.herstel.incidents.intake.Payload.required;
import static nl.herstel.incidents.intake.Payload.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.herstel.contracts.incidents.Severity;

/**
 * A TheHive alert (TheHive 4 {@code artifacts} or TheHive 5 {@code observables}): identified, as
 * TheHive does, by type, source and sourceRef; the assets are its hostname, fqdn and ip
 * observables; severity 1 → LOW, 2 → MEDIUM (also when absent), 3 → HIGH, 4 → CRITICAL; {@code
 * date} in milliseconds since the epoch.
 */
public final class TheHiveAdapter {
  public static final String SOURCE = "thehive";

  private static final Set<String> ASSET_TYPES = Set.of("hostname", "fqdn", "ip", "domain");

  private TheHiveAdapter() {}

  public static Alert map(JsonNode alert) {
    object(alert, "body");
    String sourceRef = required(alert, "sourceRef", "sourceRef");
    String source = required(alert, "source", "source");
    String type = text(alert, "type");
    String observablesField = alert.has("observables") ? "observables" : "artifacts";
    JsonNode observables = alert.get(observablesField);
    List<String> assets = new ArrayList<>();
    if (observables != null && observables.isArray()) {
      for (JsonNode observable : observables) {
        String dataType = text(observable, "dataType");
        String data = text(observable, "data");
        if (dataType != null
            && data != null
            && ASSET_TYPES.contains(dataType.toLowerCase(Locale.ROOT))) {
          assets.add(data);
        }
      }
    }
    if (assets.isEmpty()) {
      throw bad(
          observablesField, "must hold a hostname, fqdn, domain or ip observable naming the asset");
    }
    return new Alert(
        SOURCE,
        cut((type == null ? "" : type + "/") + source + "/" + sourceRef, 200),
        cut(required(alert, "title", "title"), Payload.MAX_TITLE),
        severity(alert.get("severity")),
        assets.size() > 100 ? assets.subList(0, 100) : assets,
        epochMillis(alert, "date", "date"),
        cut(text(alert, "description"), Payload.MAX_DESCRIPTION),
        alert,
        epochMillis(alert, "updatedAt", "updatedAt"));
  }

  private static Severity severity(JsonNode severity) {
    if (severity == null || severity.isNull()) {
      return Severity.MEDIUM;
    }
    if (!severity.isIntegralNumber()) {
      throw bad("severity", "must be 1 (low), 2 (medium), 3 (high) or 4 (critical)");
    }
    return switch (severity.asInt()) {
      case 1 -> Severity.LOW;
      case 2 -> Severity.MEDIUM;
      case 3 -> Severity.HIGH;
      case 4 -> Severity.CRITICAL;
      default -> throw bad("severity", "must be 1 (low), 2 (medium), 3 (high) or 4 (critical)");
    };
  }
}
