package nl.herstel.lessons.integration;

import java.util.Optional;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.lessons.BiaRevisionProposed;
import nl.herstel.contracts.lessons.ExerciseRequested;
import nl.herstel.contracts.lessons.PlanRevisionRequested;
import nl.herstel.contracts.lessons.TargetRevisionProposed;
import nl.herstel.contracts.lessons.ThreatLikelihoodProposed;
import nl.herstel.lessons.api.LessonsEvents;
import nl.herstel.platform.kafka.ContractMapper;
import org.axonframework.eventhandling.EventMessage;

/**
 * Which lessons events leave the service, and in which contract shape (topic herstel.lessons.v1):
 * the revision proposals (RTO breaches as target revisions, the other kinds as BIA revisions, a
 * threat's likelihood as a likelihood proposal), which bia-service turns into pending revisions.
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
    if (payload instanceof LessonsEvents.RevisionProposed e) {
      return Optional.of(
          new BiaRevisionProposed(
              e.proposalId(),
              e.kind(),
              e.processId(),
              e.incidentId(),
              e.currentTarget(),
              e.proposedTarget(),
              e.evidence(),
              e.rationale(),
              message.getTimestamp()));
    }
    if (payload instanceof LessonsEvents.ThreatLikelihoodProposed e) {
      return Optional.of(
          new ThreatLikelihoodProposed(
              e.proposalId(),
              e.threatId(),
              e.threatName(),
              e.category(),
              e.incidentId(),
              e.currentLikelihood(),
              e.proposedLikelihood(),
              e.windowFrom(),
              e.windowTo(),
              e.incidents(),
              e.rationale(),
              message.getTimestamp()));
    }
    if (payload instanceof LessonsEvents.PlanRevisionRequested e) {
      return Optional.of(
          new PlanRevisionRequested(
              e.requestId(),
              e.planId(),
              e.planVersion(),
              e.incidentId(),
              e.processIds(),
              e.reason(),
              message.getTimestamp()));
    }
    if (payload instanceof LessonsEvents.ExerciseRequested e) {
      return Optional.of(
          new ExerciseRequested(
              e.requestId(),
              e.planId(),
              e.scenarioCardId(),
              e.incidentId(),
              e.processIds(),
              e.reason(),
              message.getTimestamp()));
    }
    return Optional.empty();
  }
}
