package nl.herstel.bia.integration;

import java.util.Optional;
import nl.herstel.bia.api.BiaEvents;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.AssetChanged;
import nl.herstel.contracts.bia.AssetIdentifierAdded;
import nl.herstel.contracts.bia.AssetIdentifierRemoved;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.AssetRetired;
import nl.herstel.contracts.bia.DependencyAdded;
import nl.herstel.contracts.bia.DependencyRemoved;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.contracts.bia.ProcessChanged;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.ProcessRetired;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.contracts.bia.RevisionDecided;
import nl.herstel.contracts.bia.RevisionProposed;
import nl.herstel.contracts.bia.ThreatImpactRated;
import nl.herstel.contracts.bia.ThreatLikelihoodChanged;
import nl.herstel.contracts.bia.ThreatRegistered;
import nl.herstel.platform.kafka.ContractMapper;
import org.axonframework.eventhandling.EventMessage;

/** Which BIA events leave the service, and in which contract shape (topic herstel.bia.v1). */
public class BiaContractMapper implements ContractMapper {

  @Override
  public Optional<IntegrationEvent> toContract(Object payload, EventMessage<?> message) {
    var at = message.getTimestamp();
    if (payload instanceof BiaEvents.ProcessRegistered e) {
      return Optional.of(
          new ProcessRegistered(
              e.processId(),
              e.name(),
              e.description(),
              e.critical(),
              e.crownJewel(),
              e.owner(),
              e.mtpd(),
              e.rto(),
              e.rpo(),
              at));
    }
    if (payload instanceof BiaEvents.AssetRegistered e) {
      return Optional.of(
          new AssetRegistered(
              e.assetId(), e.name(), e.kind(), e.description(), e.owner(), e.supplier(), at));
    }
    if (payload instanceof BiaEvents.AssetDetailsChanged e) {
      return Optional.of(
          new AssetChanged(
              e.assetId(), e.name(), e.kind(), e.description(), e.owner(), e.supplier(), at));
    }
    if (payload instanceof BiaEvents.ProcessDetailsChanged e) {
      return Optional.of(
          new ProcessChanged(
              e.processId(),
              e.name(),
              e.description(),
              e.critical(),
              e.crownJewel(),
              e.owner(),
              at));
    }
    if (payload instanceof BiaEvents.TargetRevisionProposed e) {
      return Optional.of(
          new RevisionProposed(
              e.revisionId(),
              e.processId(),
              e.incidentId(),
              e.currentRto(),
              e.proposedRto(),
              e.proposedMtpd(),
              e.rationale(),
              e.proposedBy() == null ? "unknown" : e.proposedBy(),
              at));
    }
    if (payload instanceof BiaEvents.TargetRevisionDecided e) {
      Object principal = message.getMetaData().get("principal");
      return Optional.of(
          new RevisionDecided(
              e.revisionId(),
              e.processId(),
              e.accepted(),
              e.reason(),
              principal == null ? "unknown" : principal.toString(),
              at));
    }
    if (payload instanceof BiaEvents.ProcessDependencyAdded e) {
      return Optional.of(
          new DependencyAdded(
              e.dependencyId(),
              e.processId(),
              NodeKind.PROCESS,
              e.toId(),
              e.toKind(),
              e.alternativeGroup(),
              at));
    }
    if (payload instanceof BiaEvents.AssetDependencyAdded e) {
      return Optional.of(
          new DependencyAdded(
              e.dependencyId(),
              e.assetId(),
              NodeKind.ASSET,
              e.toId(),
              e.toKind(),
              e.alternativeGroup(),
              at));
    }
    if (payload instanceof BiaEvents.RecoveryTargetsSet e) {
      return Optional.of(
          new RecoveryTargetsSet(
              e.processId(),
              e.mtpd(),
              e.rto(),
              e.rpo(),
              e.source(),
              e.revisionId(),
              e.reason(),
              at));
    }
    if (payload instanceof BiaEvents.ProcessDependencyRemoved e) {
      return Optional.of(
          new DependencyRemoved(
              e.dependencyId(), e.processId(), NodeKind.PROCESS, e.toId(), e.toKind(), at));
    }
    if (payload instanceof BiaEvents.AssetDependencyRemoved e) {
      return Optional.of(
          new DependencyRemoved(
              e.dependencyId(), e.assetId(), NodeKind.ASSET, e.toId(), e.toKind(), at));
    }
    if (payload instanceof BiaEvents.ProcessRetired e) {
      return Optional.of(new ProcessRetired(e.processId(), e.reason(), at));
    }
    if (payload instanceof BiaEvents.AssetIdentifierAdded e) {
      return Optional.of(
          new AssetIdentifierAdded(e.assetId(), e.identifierId(), e.kind(), e.value(), at));
    }
    if (payload instanceof BiaEvents.AssetIdentifierRemoved e) {
      return Optional.of(
          new AssetIdentifierRemoved(e.assetId(), e.identifierId(), e.kind(), e.value(), at));
    }
    if (payload instanceof BiaEvents.AssetRetired e) {
      return Optional.of(new AssetRetired(e.assetId(), e.reason(), at));
    }
    if (payload instanceof BiaEvents.ThreatRegistered e) {
      return Optional.of(
          new ThreatRegistered(e.threatId(), e.name(), e.description(), e.likelihood(), at));
    }
    if (payload instanceof BiaEvents.ThreatLikelihoodRated e) {
      return Optional.of(new ThreatLikelihoodChanged(e.threatId(), e.likelihood(), at));
    }
    if (payload instanceof BiaEvents.ThreatImpactRated e) {
      return Optional.of(new ThreatImpactRated(e.threatId(), e.processId(), e.impact(), at));
    }
    return Optional.empty();
  }
}
