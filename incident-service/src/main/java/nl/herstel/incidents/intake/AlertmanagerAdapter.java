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
 * Prometheus Alertmanager's webhook (version 4): each firing alert of the group becomes one alert,
 * identified by its fingerprint; resolved ones are left out (they open nothing). The asset is the
 * {@code asset} label, else the host of the {@code instance} label (without its port); the severity
 * label maps critical/page → CRITICAL, high/error/major → HIGH, warning/medium → MEDIUM,
 * info/low/none → LOW, absent → MEDIUM.
 */
public final class AlertmanagerAdapter {
  public static final String SOURCE = "alertmanager";

  private AlertmanagerAdapter() {}

  public static List<Alert> map(JsonNode webhook) {
    object(webhook, "body");
    JsonNode alerts = webhook.get("alerts");
    if (alerts == null || !alerts.isArray() || alerts.isEmpty()) {
      throw bad("alerts", "must be a non-empty array of alerts");
    }
    List<Alert> mapped = new ArrayList<>();
    for (int i = 0; i < alerts.size(); i++) {
      String at = "alerts[" + i + "]";
      JsonNode alert = object(alerts.get(i), at);
      if ("resolved".equalsIgnoreCase(text(alert, "status"))) {
        continue;
      }
      JsonNode labels = object(alert.get("labels"), at + ".labels");
      JsonNode annotations = alert.get("annotations");
      String fingerprint = required(alert, "fingerprint", at + ".fingerprint");
      String name = required(labels, "alertname", at + ".labels.alertname");
      String asset = text(labels, "asset");
      if (asset == null) {
        asset = host(required(labels, "instance", at + ".labels.instance"));
      }
      String summary = text(annotations, "summary");
      mapped.add(
          new Alert(
              SOURCE,
              fingerprint,
              cut(summary == null ? name : name + ": " + summary, Payload.MAX_TITLE),
              severity(text(labels, "severity"), at + ".labels.severity"),
              List.of(asset),
              time(text(alert, "startsAt"), at + ".startsAt"),
              cut(text(annotations, "description"), Payload.MAX_DESCRIPTION),
              alert,
              null,
              cut(text(webhook, "groupKey"), 200)));
    }
    return mapped;
  }

  /** {@code db-payments-01:9100} → {@code db-payments-01}; IPv6 in brackets keeps its brackets. */
  static String host(String instance) {
    if (instance.startsWith("[")) {
      int close = instance.indexOf(']');
      return close > 0 ? instance.substring(0, close + 1) : instance;
    }
    int colon = instance.lastIndexOf(':');
    return colon > 0 && instance.indexOf(':') == colon ? instance.substring(0, colon) : instance;
  }

  static Severity severity(String label, String field) {
    if (label == null) {
      return Severity.MEDIUM;
    }
    return switch (label.toLowerCase(Locale.ROOT)) {
      case "critical", "page", "fatal", "emergency", "disaster" -> Severity.CRITICAL;
      case "high", "error", "major" -> Severity.HIGH;
      case "warning", "warn", "medium", "average", "minor" -> Severity.MEDIUM;
      case "info", "informational", "low", "none", "notice" -> Severity.LOW;
      default ->
          throw bad(field, "unknown severity '" + label + "'; use critical, high, warning or info");
    };
  }
}
