package nl.herstel.incidents.query;

import java.time.Instant;
import java.util.List;

/**
 * A hint SOC alerts named that no BIA asset matches: work for the BIA (add the asset or the
 * identifier) or for an incident commander (map it to an asset).
 *
 * @param hint the hint as first sent
 * @param firstSeen when an alert first named it
 * @param lastSeen when an alert last named it
 * @param alerts how many alerts named it
 * @param incidents the incidents whose alerts named it, most recent first
 */
public record UnresolvedAssetView(
    String hint, Instant firstSeen, Instant lastSeen, int alerts, List<IncidentCount> incidents) {

  /** An incident that named the hint, and in how many of its alerts. */
  public record IncidentCount(String incidentId, int alerts, Instant lastSeen) {}

  /** The cursor key of this row in the newest-first order. */
  public String cursorKey() {
    return lastSeen.toEpochMilli() * 1000 + (lastSeen.getNano() / 1000) % 1000 + "|" + hint;
  }
}
