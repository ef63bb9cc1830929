package nl.herstel.lessons.api;

/** The queries the lessons read model answers. */
public final class LessonsQueries {
  private LessonsQueries() {}

  /** The recovery information of one closed incident. */
  public record FindRecoveryInformation(String incidentId) {}

  /** The recovery information of every reviewed incident, most recently closed first. */
  public record ListRecoveryInformation() {}

  /**
   * The management report for the days {@code from} to {@code to} (UTC, both inclusive): the
   * incidents disrupted in that period, what they cost and what was learned.
   */
  public record PeriodReport(java.time.LocalDate from, java.time.LocalDate to) {}

  /** The management report for one incident. */
  public record IncidentReport(String incidentId) {}

  /** Every target revision lessons proposed, newest first. */
  public record ListRevisionProposals() {}

  // ---- issue 13: recovery information from the incident's story ----

  /** The story of one incident as lessons knows it, with its figures. */
  public record FindIncidentStory(String incidentId) {}

  /**
   * Recovery information aggregated over the incidents disrupted from {@code from} to {@code to}
   * (both inclusive, UTC days), per {@code period} bucket and in total; optionally only incidents
   * of one category or that disrupted one process.
   */
  public record SummarizeRecoveryInformation(
      java.time.LocalDate from,
      java.time.LocalDate to,
      nl.herstel.lessons.query.RecoverySummary.Period period,
      String category,
      String processId) {}
}
