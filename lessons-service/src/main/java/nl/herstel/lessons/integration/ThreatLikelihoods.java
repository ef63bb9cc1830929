package nl.herstel.lessons.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.contracts.ThreatCategories;
import nl.herstel.contracts.lessons.ThreatLikelihoodProposed.Occurrence;
import nl.herstel.lessons.api.ActionTarget.Kind;
import nl.herstel.lessons.api.LessonsCommands.AssessThreatLikelihood;
import nl.herstel.lessons.api.LikelihoodScale;
import nl.herstel.platform.jdbc.Sql;

/**
 * The facts a closed incident's review holds a threat's likelihood to: the threats whose name
 * matches the incident's category ({@link ThreatCategories}, the one rule) with the likelihood the
 * BIA gives them ({@link KnownTargets}), the incidents of that category in the year up to the
 * closure as the incident story tells them (not dismissed; an incident merged into another counts
 * with that other one only), and the decisions bia-service reported on each threat's proposals.
 * Read inside the consumer's transaction that closes the incident.
 */
public class ThreatLikelihoods {
  /** The year counted: 365 days up to the closure. */
  static final Duration YEAR = Duration.ofDays(365);

  private final Sql sql;
  private final ThreatCategories categories;
  private final LikelihoodScale scale;

  public ThreatLikelihoods(Sql sql, ThreatCategories categories, LikelihoodScale scale) {
    this.sql = sql;
    this.categories = categories;
    this.scale = scale;
  }

  private record Threat(String id, String name, int likelihood) {}

  /**
   * One assessment per threat the closed incident's category matches; none when the incident has no
   * category, was dismissed or merged into another, or no threat with a known likelihood matches.
   */
  public List<AssessThreatLikelihood> assessments(String incidentId, Instant closedAt) {
    Optional<String> category =
        sql.one(
            "SELECT category FROM lessons_incident WHERE incident_id = ? AND category IS NOT NULL"
                + " AND NOT dismissed AND merged_into IS NULL",
            r -> r.getString("category"),
            incidentId);
    if (category.isEmpty()) {
      return List.of();
    }
    List<Threat> threats =
        sql
            .list(
                "SELECT target_id, name, likelihood FROM lessons_known_target WHERE kind = ?"
                    + " AND plan_id = '' AND NOT retired AND likelihood IS NOT NULL"
                    + " AND name IS NOT NULL ORDER BY target_id",
                r -> new Threat(r.getString("target_id"), r.getString("name"), r.getInt(3)),
                Kind.THREAT)
            .stream()
            .filter(t -> categories.matches(t.name(), category.get()))
            .toList();
    if (threats.isEmpty()) {
      return List.of();
    }
    Instant from = closedAt.minus(YEAR);
    List<Occurrence> incidents =
        sql.list(
            "SELECT incident_id, disrupted_at FROM lessons_incident WHERE category = ?"
                + " AND disrupted_at > ? AND disrupted_at <= ? AND NOT dismissed"
                + " AND merged_into IS NULL ORDER BY disrupted_at, incident_id",
            r -> new Occurrence(r.getString("incident_id"), Sql.instant(r, "disrupted_at")),
            category.get(),
            from,
            closedAt);
    if (incidents.stream().noneMatch(i -> i.incidentId().equals(incidentId))) {
      return List.of();
    }
    return threats.stream()
        .map(
            t ->
                new AssessThreatLikelihood(
                    t.id(),
                    t.name(),
                    category.get(),
                    t.likelihood(),
                    incidentId,
                    from,
                    closedAt,
                    incidents,
                    decided(t.id()),
                    scale))
        .toList();
  }

  private Map<String, Boolean> decided(String threatId) {
    Map<String, Boolean> decided = new HashMap<>();
    sql.list(
            "SELECT proposal_id, accepted FROM lessons_revision_fate WHERE threat_id = ?",
            r -> Map.entry(r.getString("proposal_id"), r.getBoolean("accepted")),
            threatId)
        .forEach(e -> decided.put(e.getKey(), e.getValue()));
    return decided;
  }
}
