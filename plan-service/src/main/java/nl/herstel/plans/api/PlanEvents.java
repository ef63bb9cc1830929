package nl.herstel.plans.api;

import java.util.List;

/** The events of recovery plans, as stored in plan-service's event store. */
public final class PlanEvents {
  private PlanEvents() {}

  /** A version of a recovery plan was published; it now covers the processes it names. */
  public record PlanPublished(
      String planId,
      String name,
      int version,
      List<String> coveredProcessIds,
      List<String> activationRoles,
      List<ScenarioCard> scenarioCards) {
    public PlanPublished {
      coveredProcessIds = List.copyOf(coveredProcessIds);
      activationRoles = List.copyOf(activationRoles);
      scenarioCards = List.copyOf(scenarioCards);
    }
  }
}
