package nl.herstel.lessons.integration;

import java.util.Optional;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.lessons.ImprovementActionChanged;
import nl.herstel.contracts.lessons.ImprovementTarget;
import nl.herstel.lessons.api.ActionDetails;
import nl.herstel.lessons.api.ActionStatus;
import nl.herstel.lessons.api.ImprovementEvents.ActionStatusChanged;
import nl.herstel.lessons.api.ImprovementEvents.ImprovementActionRecorded;
import nl.herstel.lessons.api.ImprovementEvents.ImprovementActionRevised;
import nl.herstel.platform.kafka.ContractMapper;
import org.axonframework.eventhandling.EventMessage;

/**
 * Improvement actions on herstel.lessons.v1, each with its whole current state: plan-service shows
 * the ones that target a plan or scenario card on the plan. Progress notes stay in lessons.
 */
public class ImprovementContractMapper implements ContractMapper {

  @Override
  public Optional<IntegrationEvent> toContract(Object payload, EventMessage<?> message) {
    if (payload instanceof ImprovementActionRecorded e) {
      ActionDetails d = e.details();
      return Optional.of(
          new nl.herstel.contracts.lessons.ImprovementActionRecorded(
              e.actionId(),
              d.title(),
              ActionStatus.OPEN.name(),
              null,
              d.owner(),
              d.due(),
              d.priority().name(),
              target(d),
              e.incidentId(),
              e.evaluationId(),
              message.getTimestamp()));
    }
    if (payload instanceof ImprovementActionRevised e) {
      return Optional.of(
          changed(
              e.actionId(),
              e.details(),
              e.status(),
              null,
              e.incidentId(),
              e.evaluationId(),
              message));
    }
    if (payload instanceof ActionStatusChanged e) {
      return Optional.of(
          changed(
              e.actionId(),
              e.details(),
              e.status(),
              e.reason(),
              e.incidentId(),
              e.evaluationId(),
              message));
    }
    return Optional.empty();
  }

  private static ImprovementActionChanged changed(
      String actionId,
      ActionDetails d,
      ActionStatus status,
      String reason,
      String incidentId,
      String evaluationId,
      EventMessage<?> message) {
    return new ImprovementActionChanged(
        actionId,
        d.title(),
        status.name(),
        reason,
        d.owner(),
        d.due(),
        d.priority().name(),
        target(d),
        incidentId,
        evaluationId,
        message.getTimestamp());
  }

  private static ImprovementTarget target(ActionDetails d) {
    return new ImprovementTarget(d.target().kind().name(), d.target().id(), d.target().planId());
  }
}
