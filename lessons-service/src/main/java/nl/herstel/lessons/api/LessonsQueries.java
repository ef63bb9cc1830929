package nl.herstel.lessons.api;

/** The queries the lessons read model answers. */
public final class LessonsQueries {
  private LessonsQueries() {}

  /** The recovery information of one closed incident. */
  public record FindRecoveryInformation(String incidentId) {}

  /** The recovery information of every reviewed incident, most recently closed first. */
  public record ListRecoveryInformation() {}

  /** Every target revision lessons proposed, newest first. */
  public record ListRevisionProposals() {}
}
