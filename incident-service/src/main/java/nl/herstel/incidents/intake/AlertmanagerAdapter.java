package nl.herstel.incidents.intake;

import static nl.herstel.incidents.intake.Payload.bad;
import static nl.herstel.incidents.intake.Payload.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.herstel.contracts.incidents.Severity;

/**
 * Prometheus Alertmanager's webhook (version 4; Grafana's webhook contact point sends the same
 * shape): each firing alert of the group becomes one alert, identified by its {@code fingerprint}
 * (else by its label set, which is what Alertmanager identifies an alert by); resolved ones open
 * nothing. Asset hints, in order: the labels {@code asset}, {@code host}, {@code hostname}, {@code
 * fqdn}, {@code instance} (its host, without scheme, port or path), {@code nodename}, {@code node},
 * {@code ip}, {@code address}, {@code resource_id}. Title: {@code alertname} with the {@code
 * summary} annotation. Severity label: critical/page → CRITICAL, high/error/major → HIGH,
 * warning/medium → MEDIUM, info/low/none → LOW; absent or unknown → MEDIUM (unknown with a
 * warning). Detected at {@code startsAt}; correlated by {@code groupKey}. Only a body without an
 * {@code alerts} array is refused: there is no alert to read.
 */
public final class AlertmanagerAdapter {
  public static final String SOURCE = "alertmanager";

  /** The labels that name the machine or service an alert is about, in the order they count. */
  static final List<String> HINT_LABELS =
      List.of(
          "asset",
          "host",
          "hostname",
          "fqdn",
          "instance",
          "nodename",
          "node",
          "ip",
          "address",
          "resource_id");

  private AlertmanagerAdapter() {}

  public static List<Alert> map(JsonNode webhook) {
    if (webhook == null || !webhook.isObject()) {
      throw bad("body", "must be an Alertmanager webhook object");
    }
    JsonNode alerts = webhook.get("alerts");
    if (alerts == null || !alerts.isArray()) {
      throw bad("alerts", "must be the array of alerts; without it there is no alert to read");
    }
    List<Alert> mapped = new ArrayList<>();
    for (int i = 0; i < alerts.size(); i++) {
      String at = "alerts[" + i + "]";
      JsonNode alert = alerts.get(i);
      if (!alert.isObject() || "resolved".equalsIgnoreCase(text(alert, "status"))) {
        continue;
      }
      JsonNode labels = alert.path("labels");
      JsonNode annotations = alert.path("annotations");
      Draft draft = new Draft(SOURCE);
      String fingerprint = text(alert, "fingerprint");
      if (fingerprint != null) {
        draft.sourceId(fingerprint);
      } else {
        draft.sourceIdFrom(sorted(labels));
      }
      String name = text(labels, "alertname");
      String summary = text(annotations, "summary");
      draft.title(name == null ? summary : summary == null ? name : name + ": " + summary);
      draft.severity(severity(text(labels, "severity"), at + ".labels.severity", draft));
      for (String label : HINT_LABELS) {
        draft.hint(text(labels, label));
      }
      draft
          .detectedAt(draft.time(text(alert, "startsAt"), at + ".startsAt"))
          .description(text(annotations, "description"))
          .correlationKey(text(webhook, "groupKey"));
      mapped.add(draft.alert("Alertmanager alert", alert));
    }
    return mapped;
  }

  private static JsonNode sorted(JsonNode labels) {
    Map<String, String> sorted = new TreeMap<>();
    labels.fields().forEachRemaining(f -> sorted.put(f.getKey(), f.getValue().asText()));
    return Payload.JSON.valueToTree(sorted);
  }

  static Severity severity(String label, String field, Draft draft) {
    if (label == null) {
      return Severity.MEDIUM;
    }
    return switch (label.toLowerCase(Locale.ROOT)) {
      case "critical", "page", "fatal", "emergency", "disaster" -> Severity.CRITICAL;
      case "high", "error", "major" -> Severity.HIGH;
      case "warning", "warn", "medium", "average", "minor" -> Severity.MEDIUM;
      case "info", "informational", "low", "none", "notice" -> Severity.LOW;
      default -> draft.unknownSeverity(field, label);
    };
  }
}
