package nl.herstel.bia.integration;

import java.util.Optional;
import nl.herstel.bia.api.BiaEvents.AssetDependencyAdded;
import nl.herstel.bia.api.BiaEvents.AssetDependencyRemoved;
import nl.herstel.bia.api.BiaEvents.AssetDetailsChanged;
import nl.herstel.bia.api.BiaEvents.AssetIdentifierAdded;
import nl.herstel.bia.api.BiaEvents.AssetIdentifierRemoved;
import nl.herstel.bia.api.BiaEvents.AssetRegistered;
import nl.herstel.bia.api.BiaEvents.AssetRetired;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyAdded;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyRemoved;
import nl.herstel.bia.api.BiaEvents.ProcessDetailsChanged;
import nl.herstel.bia.api.BiaEvents.ProcessRegistered;
import nl.herstel.bia.api.BiaEvents.ProcessRetired;
import nl.herstel.bia.api.BiaEvents.RecoveryTargetsSet;
import nl.herstel.bia.api.BiaEvents.TargetRevisionDecided;
import nl.herstel.bia.api.BiaEvents.TargetRevisionProposed;
import nl.herstel.bia.api.BiaEvents.ThreatImpactRated;
import nl.herstel.bia.api.BiaEvents.ThreatLikelihoodRated;
import nl.herstel.bia.api.BiaEvents.ThreatRegistered;
import nl.herstel.bia.api.RevisionKind;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.AssetChanged;
import nl.herstel.contracts.bia.DependencyAdded;
import nl.herstel.contracts.bia.DependencyRemoved;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.contracts.bia.ProcessChanged;
import nl.herstel.contracts.bia.RevisionDecided;
import nl.herstel.contracts.bia.RevisionProposed;
import nl.herstel.contracts.bia.ThreatLikelihoodChanged;
import nl.herstel.platform.kafka.ContractMapper;
import org.axonframework.eventhandling.EventMessage;

/**
 * Which BIA events leave the service, and in which contract shape (topic herstel.bia.v1). Internal
 * events keep their names (a stored event's type is its class name); a contract event named like an
 * internal one is written with its package, so the two are never confused. The contract's revision
 * proposed carries RTO revisions only (its RTO fields are required); MTPD and RPO revisions from
 * lessons stay inside, and their decisions are published like every other.
 */
public class BiaContractMapper implements ContractMapper {

  @Override
  public Optional<IntegrationEvent> toContract(Object payload, EventMessage<?> message) {
    var at = message.getTimestamp();
    if (payload instanceof ProcessRegistered e) {
      return Optional.of(
          new nl.herstel.contracts.bia.ProcessRegistered(
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
    if (payload instanceof AssetRegistered e) {
      return Optional.of(
          new nl.herstel.contracts.bia.AssetRegistered(
              e.assetId(), e.name(), e.kind(), e.description(), e.owner(), e.supplier(), at));
    }
    if (payload instanceof AssetDetailsChanged e) {
      return Optional.of(
          new AssetChanged(
              e.assetId(), e.name(), e.kind(), e.description(), e.owner(), e.supplier(), at));
    }
    if (payload instanceof ProcessDetailsChanged e) {
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
    if (payload instanceof TargetRevisionProposed e) {
      if (e.kind() != RevisionKind.RTO) {
        return Optional.empty();
      }
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
    if (payload instanceof TargetRevisionDecided e) {
      Object principal = message.getMetaData().get("principal");
      return Optional.of(
          new RevisionDecided(
              e.revisionId(),
              e.processId(),
              e.accepted(),
              e.reason(),
              principal == null ? "unknown" : principal.toString(),
              at,
              e.proposalId(),
              e.threatId()));
    }
    if (payload instanceof ProcessDependencyAdded e) {
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
    if (payload instanceof AssetDependencyAdded e) {
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
    if (payload instanceof RecoveryTargetsSet e) {
      return Optional.of(
          new nl.herstel.contracts.bia.RecoveryTargetsSet(
              e.processId(),
              e.mtpd(),
              e.rto(),
              e.rpo(),
              e.source(),
              e.revisionId(),
              e.reason(),
              at));
    }
    if (payload instanceof ProcessDependencyRemoved e) {
      return Optional.of(
          new DependencyRemoved(
              e.dependencyId(), e.processId(), NodeKind.PROCESS, e.toId(), e.toKind(), at));
    }
    if (payload instanceof AssetDependencyRemoved e) {
      return Optional.of(
          new DependencyRemoved(
              e.dependencyId(), e.assetId(), NodeKind.ASSET, e.toId(), e.toKind(), at));
    }
    if (payload instanceof ProcessRetired e) {
      return Optional.of(
          new nl.herstel.contracts.bia.ProcessRetired(e.processId(), e.reason(), at));
    }
    if (payload instanceof AssetIdentifierAdded e) {
      return Optional.of(
          new nl.herstel.contracts.bia.AssetIdentifierAdded(
              e.assetId(), e.identifierId(), e.kind(), e.value(), at));
    }
    if (payload instanceof AssetIdentifierRemoved e) {
      return Optional.of(
          new nl.herstel.contracts.bia.AssetIdentifierRemoved(
              e.assetId(), e.identifierId(), e.kind(), e.value(), at));
    }
    if (payload instanceof AssetRetired e) {
      return Optional.of(new nl.herstel.contracts.bia.AssetRetired(e.assetId(), e.reason(), at));
    }
    if (payload instanceof ThreatRegistered e) {
      return Optional.of(
          new nl.herstel.contracts.bia.ThreatRegistered(
              e.threatId(), e.name(), e.description(), e.likelihood(), at));
    }
    if (payload instanceof ThreatLikelihoodRated e) {
      return Optional.of(new ThreatLikelihoodChanged(e.threatId(), e.likelihood(), at));
    }
    if (payload instanceof ThreatImpactRated e) {
      return Optional.of(
          new nl.herstel.contracts.bia.ThreatImpactRated(
              e.threatId(), e.processId(), e.impact(), at));
    }
    return Optional.empty();
  }
}
