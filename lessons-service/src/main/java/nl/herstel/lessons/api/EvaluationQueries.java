package nl.herstel.lessons.api;

import java.time.Instant;

/** The queries the evaluation read model answers. */
public final class EvaluationQueries {
  private EvaluationQueries() {}

  /** One evaluation. */
  public record FindEvaluation(String evaluationId) {}

  /**
   * A page of evaluations, newest first; {@code status} and {@code incidentId} narrow it when
   * given, {@code after} is the cursor key of the last one on the previous page.
   */
  public record ListEvaluations(
      EvaluationStatus status, String incidentId, String after, int limit) {}

  /** Whether lessons knows the incident (it saw it opened or closed), so it can be evaluated. */
  public record IsIncidentKnown(String incidentId) {}

  /** The evaluation policy in force, with its version. */
  public record FindEvaluationPolicy() {}

  /**
   * A page of incidents that require an evaluation and have no final one although it was due before
   * {@code now}, earliest due first.
   */
  public record ListOverdueEvaluations(Instant now, String after, int limit) {}
}
