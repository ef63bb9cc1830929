package nl.herstel.lessons.api;

import java.time.LocalDate;

/** The queries the improvement action read model answers. */
public final class ImprovementQueries {
  private ImprovementQueries() {}

  /** One improvement action with its progress notes. */
  public record FindImprovementAction(String actionId) {}

  /**
   * A page of improvement actions, earliest due first; each filter narrows it when given. {@code
   * overdue} true keeps only the actions due before {@code today} and neither DONE nor WONT_DO;
   * false only the others.
   */
  public record ListImprovementActions(
      ActionStatus status,
      String owner,
      ActionPriority priority,
      ActionTarget.Kind targetKind,
      String targetId,
      String incidentId,
      Boolean overdue,
      LocalDate today,
      String after,
      int limit) {}

  /**
   * Whether lessons knows the target from the service that owns it (the BIA, plan-service) and it
   * is not retired; answers a Boolean.
   */
  public record IsTargetKnown(ActionTarget target) {}
}
