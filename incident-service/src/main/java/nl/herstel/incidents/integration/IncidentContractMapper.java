package nl.herstel.incidents.integration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.incidents.ActivatedPlan;
import nl.herstel.contracts.incidents.AffectedProcess;
import nl.herstel.contracts.incidents.Restoration;
import nl.herstel.incidents.api.IncidentEvents;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.RecoveryEvents;
import nl.herstel.platform.kafka.ContractMapper;
import nl.herstel.platform.messaging.EventMetadata;
import org.axonframework.eventhandling.EventMessage;

/**
 * Which incident events leave the service, and in which contract shape (topic
 * herstel.incidents.v1). The alert's source and unresolved asset names stay inside.
 *
 * <p>Internal and contract events share some simple names ({@code IncidentOpened}, {@code
 * IncidentClosed}): the internal ones are named through {@link IncidentEvents} and the contract
 * ones by their full name. The internal classes keep their names because the event store holds them
 * as the stored payload type.
 */
public class IncidentContractMapper implements ContractMapper {

  @Override
  public Optional<IntegrationEvent> toContract(Object payload, EventMessage<?> message) {
    var at = message.getTimestamp();
    if (payload instanceof IncidentEvents.AssetHintMapped e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.AssetHintMapped(
              e.mappingId(), e.hint(), e.assetId(), e.kind(), e.value(), by(message), at));
    }
    if (payload instanceof IncidentEvents.IncidentOpened e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.IncidentOpened(
              e.incidentId(),
              e.title(),
              e.severity(),
              e.disruptedAt(),
              e.assets().stream().map(AssetRef::assetId).toList(),
              e.affectedProcesses().stream().map(IncidentContractMapper::affected).toList(),
              at));
    }
    if (payload instanceof IncidentEvents.IncidentClosed e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.IncidentClosed(
              e.incidentId(),
              e.disruptedAt(),
              e.restorations().stream()
                  .map(
                      r ->
                          new Restoration(
                              r.processId(), r.restoredAt(), r.dataRestoredTo(), r.rpo()))
                  .toList(),
              e.summary(),
              at,
              e.category() == null ? null : e.category().name(),
              e.activatedPlans() == null
                  ? List.of()
                  : e.activatedPlans().stream()
                      .map(p -> new ActivatedPlan(p.planId(), p.planVersion(), p.scenarioCardId()))
                      .toList()));
    }
    // ---- an incident split off another is a new incident to the other services, naming whence
    // ----
    if (payload instanceof RecoveryEvents.IncidentSplitOff e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.IncidentOpened(
              e.incidentId(),
              e.parts().alerts().get(0).title(),
              e.parts().alerts().stream().map(a -> a.severity()).max(Enum::compareTo).orElseThrow(),
              e.parts().disruptedAt(),
              e.parts().assets().stream().map(AssetRef::assetId).toList(),
              e.parts().affectedProcesses().stream().map(IncidentContractMapper::affected).toList(),
              at,
              e.fromIncidentId()));
    }
    return story(payload, message);
  }

  /**
   * The incident's story for lessons learned (issue 13): what happened to it after it was opened.
   * Internal-only facts (alert updates without anything new, evidence custody, communications,
   * refused activations, task assignments, the split's parent side) stay inside.
   */
  private static Optional<IntegrationEvent> story(Object payload, EventMessage<?> message) {
    var at = message.getTimestamp();
    if (payload instanceof RecoveryEvents.IncidentClassified e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.IncidentClassified(
              e.incidentId(),
              e.category().name(),
              e.previous() == null ? null : e.previous().name(),
              e.reason(),
              by(message),
              at));
    }
    if (payload instanceof RecoveryEvents.PlanActivated e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.PlanActivated(
              e.incidentId(),
              e.planId(),
              e.planVersion(),
              e.planName(),
              e.scenarioCardId(),
              e.scenarioTitle(),
              e.mandate(),
              e.reason(),
              by(message),
              at));
    }
    if (payload instanceof IncidentEvents.IncidentTransitioned e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.IncidentTransitioned(
              e.incidentId(), e.from().name(), e.to().name(), e.reason(), by(message), at));
    }
    if (payload instanceof IncidentEvents.RecoveryDeadlineBreached e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.RecoveryDeadlineBreached(
              e.incidentId(), e.processId(), e.kind().name(), e.deadline(), e.detectedAt(), at));
    }
    if (payload instanceof IncidentEvents.NotificationObligationRegistered e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.NotificationObligationRegistered(
              e.incidentId(),
              e.obligationId(),
              e.authority().name(),
              e.legalBasis() == null ? e.authority().defaultLegalBasis() : e.legalBasis(),
              e.discoveredAt(),
              e.dueAt(),
              at));
    }
    if (payload instanceof IncidentEvents.NotificationSubmitted e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.NotificationSubmitted(
              e.incidentId(),
              e.obligationId(),
              e.authority().name(),
              e.submittedAt(),
              e.late(),
              at));
    }
    if (payload instanceof IncidentEvents.NotificationOverdue e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.NotificationOverdue(
              e.incidentId(),
              e.obligationId(),
              e.authority().name(),
              e.dueAt(),
              e.detectedAt(),
              at));
    }
    if (payload instanceof IncidentEvents.ProcessRestored e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.ProcessRestored(
              e.incidentId(),
              e.processId(),
              e.disruptedAt(),
              e.restoredAt(),
              e.dataRestoredTo(),
              e.recoveryTime(),
              e.dataLoss(),
              e.rto(),
              e.rpo(),
              e.rtoMet(),
              e.rpoMet(),
              at));
    }
    if (payload instanceof IncidentEvents.CostRecorded e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.CostRecorded(
              e.incidentId(),
              e.costId(),
              e.kind().name(),
              e.amount(),
              e.currency(),
              e.description(),
              e.incurredAt(),
              at));
    }
    if (payload instanceof RecoveryEvents.RecoveryTaskCreated e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.RecoveryTaskCreated(
              e.incidentId(),
              e.taskId(),
              e.stepNo(),
              e.title(),
              e.assigneeRole(),
              e.planId(),
              e.scenarioCardId(),
              at));
    }
    if (payload instanceof RecoveryEvents.RecoveryTaskStatusChanged e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.RecoveryTaskStatusChanged(
              e.incidentId(), e.taskId(), e.from().name(), e.to().name(), by(message), at));
    }
    if (payload instanceof IncidentEvents.DecisionRecorded e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.DecisionRecorded(
              e.incidentId(),
              e.decisionId(),
              e.known(),
              e.unknown(),
              e.options(),
              e.risks(),
              e.what(),
              e.rationale(),
              e.mandate(),
              by(message),
              at));
    }
    if (payload instanceof RecoveryEvents.IncidentMergedInto e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.IncidentMerged(
              e.incidentId(), e.intoIncidentId(), e.from().name(), e.reason(), by(message), at));
    }
    if (payload instanceof RecoveryEvents.IncidentAbsorbed e) {
      return extended(
          e.incidentId(),
          "INCIDENT_ABSORBED",
          e.absorbedIncidentId(),
          e.parts().assets(),
          e.parts().affectedProcesses(),
          at);
    }
    if (payload instanceof IncidentEvents.AlertCorrelated e) {
      return extended(
          e.incidentId(), "ALERT_CORRELATED", null, e.newAssets(), e.newAffectedProcesses(), at);
    }
    if (payload instanceof IncidentEvents.UnresolvedAssetResolved e) {
      return extended(
          e.incidentId(), "ASSET_RESOLVED", null, List.of(e.asset()), e.newAffectedProcesses(), at);
    }
    return Optional.empty();
  }

  /** What an incident took in, published only when it brought an asset or a process. */
  private static Optional<IntegrationEvent> extended(
      String incidentId,
      String cause,
      String absorbedIncidentId,
      List<AssetRef> assets,
      List<IncidentEvents.AffectedProcess> processes,
      Instant at) {
    if (assets.isEmpty() && processes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new nl.herstel.contracts.incidents.IncidentExtended(
            incidentId,
            cause,
            absorbedIncidentId,
            assets.stream().map(AssetRef::assetId).distinct().toList(),
            processes.stream().map(IncidentContractMapper::affected).toList(),
            at));
  }

  private static AffectedProcess affected(IncidentEvents.AffectedProcess p) {
    return new AffectedProcess(
        p.processId(), p.name(), p.rto(), p.mtpd(), p.rtoDeadline(), p.mtpdDeadline(), p.rpo());
  }

  /** Who did it: the principal in the message metadata, as the platform records it. */
  private static String by(EventMessage<?> message) {
    Object principal = message.getMetaData().get(EventMetadata.PRINCIPAL);
    return principal == null ? "unknown" : principal.toString();
  }
}
