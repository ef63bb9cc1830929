package nl.herstel.plans.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of recovery plans. */
public final class PlanCommands {
  private PlanCommands() {}

  /**
   * Publish a new recovery plan (herstelplan) as its version 1: the processes it recovers, the
   * roles that may activate it and its scenario cards; see DOMAIN.md, step 2. Every covered process
   * must be known from the BIA; the caller checks that before sending.
   */
  public record PublishPlan(
      @TargetAggregateIdentifier String planId,
      String name,
      List<String> coveredProcessIds,
      List<String> activationRoles,
      List<ScenarioCard> scenarioCards) {
    public PublishPlan {
      coveredProcessIds = coveredProcessIds == null ? List.of() : List.copyOf(coveredProcessIds);
      activationRoles = activationRoles == null ? List.of() : List.copyOf(activationRoles);
      scenarioCards = scenarioCards == null ? List.of() : List.copyOf(scenarioCards);
    }
  }
}
