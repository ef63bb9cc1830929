package nl.herstel.incidents.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An incident's history told as one chronological timeline. Built from the event store, so that
 * every event type appears, also types added later: the ones known here get a tailored line, any
 * other its name in words followed by its first few textual fields.
 */
public final class Timeline {
  static final int MAX_SUMMARY = 300;
  private static final int MAX_FIELDS = 4;
  private static final Set<String> SKIPPED = Set.of("incidentId", "raw");

  private Timeline() {}

  public static List<TimelineEntry> of(List<HistoryEntry> history) {
    List<TimelineEntry> timeline = new ArrayList<>(history.size());
    for (HistoryEntry entry : history) {
      timeline.add(
          new TimelineEntry(
              entry.sequence(),
              entry.occurredAt(),
              entry.type(),
              summary(entry.type(), entry.data()),
              entry.principal(),
              entry.role()));
    }
    return timeline;
  }

  /** One line for an event: tailored for the known types, generic for any other. */
  static String summary(String type, JsonNode data) {
    String line =
        switch (type) {
          case "IncidentOpened" ->
              "Incident opened: "
                  + text(data, "title")
                  + " ("
                  + text(data, "severity")
                  + ", "
                  + data.path("affectedProcesses").size()
                  + " affected processes)";
          case "UnresolvedAssetResolved" ->
              "Asset hint '"
                  + text(data, "hint")
                  + "' is "
                  + data.path("asset").path("name").asText()
                  + " ("
                  + data.path("newAffectedProcesses").size()
                  + " more affected processes)";
          case "AlertCorrelated" ->
              "Alert joined from " + text(data, "source") + ": " + text(data, "title");
          case "IncidentAlertUpdated" ->
              "Alert updated: " + text(data, "title") + " (" + text(data, "severity") + ")";
          case "IncidentTransitioned" ->
              text(data, "from") + " → " + text(data, "to") + ": " + text(data, "reason");
          case "DecisionRecorded" ->
              "Decision: " + text(data, "what") + " (mandate: " + text(data, "mandate") + ")";
          case "IncidentClosed" ->
              "Incident closed with "
                  + data.path("restorations").size()
                  + " restorations: "
                  + text(data, "summary");
          case "CommunicationLogged" ->
              "To "
                  + text(data, "audience")
                  + " by "
                  + text(data, "channel")
                  + (data.path("outOfBand").asBoolean() ? " (out-of-band)" : "")
                  + ": "
                  + text(data, "message");
          case "EvidenceRegistered" ->
              "Evidence registered: "
                  + text(data, "description")
                  + ", collected by "
                  + text(data, "collectedBy");
          case "EvidenceTransferred" ->
              "Evidence "
                  + text(data, "itemId")
                  + " handed from "
                  + text(data, "from")
                  + " to "
                  + text(data, "to")
                  + ": "
                  + text(data, "reason");
          case "EvidenceVerified" ->
              "Evidence "
                  + text(data, "itemId")
                  + (data.path("matches").asBoolean()
                      ? " verified: hash matches"
                      : " verified: HASH MISMATCH");
          case "ProcessRestored" ->
              "Process "
                  + text(data, "processId")
                  + " restored after "
                  + text(data, "recoveryTime")
                  + " (RTO "
                  + text(data, "rto")
                  + "), data loss "
                  + text(data, "dataLoss");
          case "CostRecorded" ->
              "Cost "
                  + text(data, "kind")
                  + " "
                  + text(data, "amount")
                  + " "
                  + text(data, "currency")
                  + ": "
                  + text(data, "description");
          default -> generic(type, data);
        };
    return shorten(line.replaceAll("\\s+", " ").strip());
  }

  /** {@code NotificationSubmitted} with fields becomes "Notification submitted: a; b; c". */
  static String generic(String type, JsonNode data) {
    StringBuilder line = new StringBuilder(words(type));
    List<String> values = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
    while (fields.hasNext() && values.size() < MAX_FIELDS) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (!SKIPPED.contains(field.getKey())
          && value.isValueNode()
          && !value.isNull()
          && !value.asText().isBlank()) {
        values.add(field.getKey() + " " + value.asText());
      }
    }
    if (!values.isEmpty()) {
      line.append(": ").append(String.join("; ", values));
    }
    return line.toString();
  }

  static String words(String type) {
    String spaced = type.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase();
    return spaced.isEmpty() ? type : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  private static String text(JsonNode data, String field) {
    JsonNode value = data.path(field);
    return value.isMissingNode() || value.isNull() ? "?" : value.asText();
  }

  private static String shorten(String line) {
    return line.length() <= MAX_SUMMARY ? line : line.substring(0, MAX_SUMMARY - 1) + "…";
  }
}
