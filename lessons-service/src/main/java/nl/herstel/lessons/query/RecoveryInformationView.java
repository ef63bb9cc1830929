package nl.herstel.lessons.query;

import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;

/**
 * The recovery information of one incident (DOMAIN.md, "Recovery information"): once it is closed
 * and reviewed, per restored process the actual recovery time against its RTO and MTPD, and the
 * target revisions proposed; and the incident's story with its figures as incident-service told it
 * (time to detect, activate, recover; per process against RTO, MTPD and RPO; costs, notifications,
 * tasks, decisions). {@code title} and {@code severity} are null when lessons never saw the
 * incident opened; {@code closedAt} is null, and {@code processes} and {@code proposals} empty,
 * while the incident is not closed; {@code story} is null when lessons saw none of it.
 */
public record RecoveryInformationView(
    String incidentId,
    String title,
    Severity severity,
    String summary,
    Instant disruptedAt,
    Instant closedAt,
    List<ProcessRecoveryView> processes,
    List<RevisionProposalView> proposals,
    IncidentStoryView story) {

  /** A review without its story. */
  public RecoveryInformationView(
      String incidentId,
      String title,
      Severity severity,
      String summary,
      Instant disruptedAt,
      Instant closedAt,
      List<ProcessRecoveryView> processes,
      List<RevisionProposalView> proposals) {
    this(incidentId, title, severity, summary, disruptedAt, closedAt, processes, proposals, null);
  }

  /** The incident as far as its story tells, before it was closed and reviewed. */
  public static RecoveryInformationView of(IncidentStoryView story) {
    return new RecoveryInformationView(
        story.incidentId(),
        story.title(),
        story.severity(),
        null,
        story.disruptedAt(),
        null,
        List.of(),
        List.of(),
        story);
  }

  /** This review with the incident's story. */
  public RecoveryInformationView withStory(IncidentStoryView story) {
    return new RecoveryInformationView(
        incidentId, title, severity, summary, disruptedAt, closedAt, processes, proposals, story);
  }
}
