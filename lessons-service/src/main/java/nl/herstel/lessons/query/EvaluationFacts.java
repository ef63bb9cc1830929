package nl.herstel.lessons.query;

/**
 * The facts of each incident that the evaluation policy looks at, as one SQL relation with the
 * columns {@code incident_id, title, severity, category, closed_at, breached, merged, dismissed}.
 * The one place that knows where these facts live: today lessons' own copies (the severity of
 * {@code lessons_incident}, the closure and the verdicts of {@code lessons_review} and {@code
 * lessons_review_process}); no category, merger or dismissal is known yet, so category rules match
 * nothing and no incident counts as merged or dismissed. Once the incident story read model exists,
 * only {@link #RELATION} changes.
 */
public final class EvaluationFacts {
  private EvaluationFacts() {}

  /** The facts as a relation to select from, one row per closed incident. */
  public static final String RELATION =
      "SELECT r.incident_id, COALESCE(i.title, r.title) AS title,"
          + " COALESCE(r.severity, i.severity) AS severity, CAST(NULL AS TEXT) AS category,"
          + " r.closed_at,"
          + " EXISTS (SELECT 1 FROM lessons_review_process p WHERE p.incident_id = r.incident_id"
          + " AND p.verdict IN ('RTO_BREACHED', 'MTPD_BREACHED')) AS breached,"
          + " FALSE AS merged, FALSE AS dismissed"
          + " FROM lessons_review r LEFT JOIN lessons_incident i ON i.incident_id = r.incident_id";

  /** Whether lessons knows the incident at all, as a condition on {@code ?} (its id). */
  public static final String KNOWN =
      "SELECT 1 FROM lessons_incident WHERE incident_id = ?"
          + " UNION ALL SELECT 1 FROM lessons_review WHERE incident_id = ?";
}
