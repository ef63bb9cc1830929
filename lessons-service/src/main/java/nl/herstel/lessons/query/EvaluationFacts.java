package nl.herstel.lessons.query;

/**
 * The facts of each incident that the evaluation policy looks at, as one SQL relation with the
 * columns {@code incident_id, title, severity, category, closed_at, breached, merged, dismissed}.
 * The one place that knows where these facts live: the incident's story as incident-service
 * published it ({@code lessons_incident}, {@code lessons_incident_process}) and, for incidents
 * closed before the story existed, the review ({@code lessons_review}).
 */
public final class EvaluationFacts {
  private EvaluationFacts() {}

  /**
   * The facts as a relation to select from, one row per incident lessons knows (its story); closed
   * as the story or, for incidents closed before the story existed, the review says; breached when
   * a deadline clock fired or a restoration came after its RTO or MTPD.
   */
  public static final String RELATION =
      "SELECT i.incident_id, COALESCE(i.title, r.title) AS title,"
          + " COALESCE(i.severity, r.severity) AS severity, i.category,"
          + " COALESCE(i.closed_at, r.closed_at) AS closed_at,"
          + " (EXISTS (SELECT 1 FROM lessons_incident_process p WHERE p.incident_id = i.incident_id"
          + " AND (p.rto_breached_at IS NOT NULL OR p.mtpd_breached_at IS NOT NULL"
          + " OR NOT p.rto_met OR NOT p.mtpd_met))"
          + " OR EXISTS (SELECT 1 FROM lessons_review_process v WHERE v.incident_id = i.incident_id"
          + " AND v.verdict IN ('RTO_BREACHED', 'MTPD_BREACHED'))) AS breached,"
          + " (i.merged_into IS NOT NULL) AS merged, i.dismissed"
          + " FROM lessons_incident i LEFT JOIN lessons_review r ON r.incident_id = i.incident_id";

  /** Whether lessons knows the incident at all, as a condition on {@code ?} (its id). */
  public static final String KNOWN =
      "SELECT 1 FROM lessons_incident WHERE incident_id = ?"
          + " UNION ALL SELECT 1 FROM lessons_review WHERE incident_id = ?";
}
