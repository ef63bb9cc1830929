package nl.herstel.lessons.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of improvement actions. */
public final class ImprovementCommands {
  private ImprovementCommands() {}

  /**
   * Record an improvement action, optionally from an incident and its evaluation.
   *
   * @param incidentId the incident the lesson came from; nullable
   * @param evaluationId the evaluation that agreed on it; nullable
   */
  public record RecordImprovementAction(
      @TargetAggregateIdentifier String actionId,
      ActionDetails details,
      String incidentId,
      String evaluationId) {}

  /**
   * Change an open action's details: a null field keeps its value, an empty description clears it.
   * {@code expectedVersion} as for evaluations (If-Match).
   */
  public record ReviseImprovementAction(
      @TargetAggregateIdentifier String actionId, ActionDetails details, Long expectedVersion) {}

  /** Move an action to another status; WONT_DO needs a reason. */
  public record ChangeActionStatus(
      @TargetAggregateIdentifier String actionId,
      ActionStatus status,
      String reason,
      Long expectedVersion) {}

  /** Add a progress note; who and when are in the event's metadata. */
  public record AddProgressNote(@TargetAggregateIdentifier String actionId, String text) {}
}
