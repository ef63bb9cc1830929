package nl.herstel.plans.api;

import java.util.List;

/** The queries plan-service's read models answer. */
public final class PlanQueries {
  private PlanQueries() {}

  /** One plan by id. */
  public record FindPlan(String planId) {}

  /** All plans, ordered by name. */
  public record ListPlans() {}

  /** The coverage of one known process by published plans. */
  public record FindCoverage(String processId) {}

  /** The coverage of every known process: crown jewels first, then by RTO. */
  public record ListCoverage() {}

  /** Which of the given process ids the BIA has not (yet) told plan-service about, in order. */
  public record FindUnknownProcesses(List<String> processIds) {
    public FindUnknownProcesses {
      processIds = List.copyOf(processIds);
    }
  }
}
