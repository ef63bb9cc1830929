package nl.herstel.plans.integration;

import java.util.Optional;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.contracts.plans.ScenarioCard;
import nl.herstel.plans.api.PlanEvents;
import nl.herstel.platform.kafka.ContractMapper;
import org.axonframework.eventhandling.EventMessage;

/**
 * Which plan events leave the service, and in which contract shape (topic herstel.plans.v1). A
 * card's scenario travels as the name of {@link nl.herstel.plans.api.Scenario}, e.g. {@code
 * RANSOMWARE}.
 */
public class PlanContractMapper implements ContractMapper {

  @Override
  public Optional<IntegrationEvent> toContract(Object payload, EventMessage<?> message) {
    if (payload instanceof PlanEvents.PlanPublished e) {
      return Optional.of(
          new PlanPublished(
              e.planId(),
              e.name(),
              e.version(),
              e.coveredProcessIds(),
              e.activationRoles(),
              e.scenarioCards().stream()
                  .map(c -> new ScenarioCard(c.scenario().name(), c.title(), c.steps()))
                  .toList(),
              message.getTimestamp()));
    }
    return Optional.empty();
  }
}
