package nl.herstel.lessons.api;

import org.axonframework.serialization.Revision;

/**
 * The events of improvement actions. Each change carries the action's whole resulting state, so
 * that the contract events (herstel.lessons.v1) can say what the action now is without a lookup.
 */
public final class ImprovementEvents {
  private ImprovementEvents() {}

  /** An improvement action was recorded; its status is OPEN. */
  @Revision("1")
  public record ImprovementActionRecorded(
      String actionId, ActionDetails details, String incidentId, String evaluationId) {}

  /** An action's details were replaced. */
  @Revision("1")
  public record ImprovementActionRevised(
      String actionId,
      ActionDetails details,
      ActionStatus status,
      String incidentId,
      String evaluationId) {}

  /** An action moved to another status; {@code reason} is required for WONT_DO. */
  @Revision("1")
  public record ActionStatusChanged(
      String actionId,
      ActionStatus from,
      ActionStatus status,
      String reason,
      ActionDetails details,
      String incidentId,
      String evaluationId) {}

  /** A progress note was added to an action. */
  @Revision("1")
  public record ProgressNoteAdded(String actionId, String text) {}
}
