package nl.herstel.lessons.api;

import java.time.Instant;

/** The queries the lessons read model answers. */
public final class LessonsQueries {
  private LessonsQueries() {}

  /** The recovery information of one closed incident. */
  public record FindRecoveryInformation(String incidentId) {}

  /** The recovery information of every reviewed incident, most recently closed first. */
  public record ListRecoveryInformation(String after, int limit) {}

  /**
   * The revision proposals lessons made, newest first, filtered by whatever is not null.
   *
   * @param status PROPOSED (not decided yet), ACCEPTED or REJECTED
   * @param afterProposedAt and {@code afterId}: the last proposal of the previous page; null for
   *     the first page
   * @param limit how many to answer at most; one more is fetched to tell whether more follow
   */
  public record ListRevisionProposals(
      String status,
      ProposalKind kind,
      String processId,
      String incidentId,
      Instant afterProposedAt,
      String afterId,
      int limit) {}

  /**
   * Which lessons changed the BIA in a period: the proposals decided in [{@code from}, {@code to}),
   * accepted or rejected, in the order they were decided.
   */
  public record ListBiaChanges(Instant from, Instant to, String after, int limit) {}

  /**
   * The management report for the days {@code from} to {@code to} (UTC, both inclusive): the
   * incidents disrupted in that period, what they cost and what was learned.
   */
  public record PeriodReport(java.time.LocalDate from, java.time.LocalDate to) {}

  /** The management report for one incident. */
  public record IncidentReport(String incidentId) {}

  // ---- issue 13: recovery information from the incident's story ----

  /** The story of one incident as lessons knows it, with its figures. */
  public record FindIncidentStory(String incidentId) {}

  /**
   * Recovery information aggregated over the incidents disrupted from {@code from} to {@code to}
   * (both inclusive, UTC days), per {@code period} bucket and in total; optionally only incidents
   * of one category, that disrupted one process, or one incident (with those merged into it).
   */
  public record SummarizeRecoveryInformation(
      java.time.LocalDate from,
      java.time.LocalDate to,
      nl.herstel.lessons.api.RecoveryPeriod period,
      String category,
      String processId,
      String incidentId) {

    /** Over every incident of the span (of the category, of the process). */
    public SummarizeRecoveryInformation(
        java.time.LocalDate from,
        java.time.LocalDate to,
        nl.herstel.lessons.api.RecoveryPeriod period,
        String category,
        String processId) {
      this(from, to, period, category, processId, null);
    }
  }
}
