package nl.herstel.lessons.integration;

import java.util.Optional;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.lessons.TargetRevisionProposed;
import nl.herstel.lessons.api.LessonsEvents;
import nl.herstel.platform.kafka.ContractMapper;
import org.axonframework.eventhandling.EventMessage;

/**
 * Which lessons events leave the service, and in which contract shape (topic herstel.lessons.v1):
 * only the target revision proposals, which bia-service turns into pending revisions.
 */
public class LessonsContractMapper implements ContractMapper {

  @Override
  public Optional<IntegrationEvent> toContract(Object payload, EventMessage<?> message) {
    if (payload instanceof LessonsEvents.TargetRevisionProposed e) {
      return Optional.of(
          new TargetRevisionProposed(
              e.proposalId(),
              e.processId(),
              e.incidentId(),
              e.currentRto(),
              e.actualRecoveryTime(),
              e.proposedRto(),
              e.rationale(),
              message.getTimestamp()));
    }
    return Optional.empty();
  }
}
