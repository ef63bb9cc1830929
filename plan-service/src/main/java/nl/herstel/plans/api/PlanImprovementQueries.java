package nl.herstel.plans.api;

/** The queries about improvement actions lessons-service agreed on for plans. */
public final class PlanImprovementQueries {
  private PlanImprovementQueries() {}

  /**
   * A page of the improvement actions that target a plan or one of its scenario cards, earliest due
   * first; {@code after} is the cursor key of the last one on the previous page.
   */
  public record ListPlanImprovementActions(String planId, String after, int limit) {}
}
