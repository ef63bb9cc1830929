package nl.herstel.bia.integration;

import java.util.Optional;
import nl.herstel.bia.api.BiaEvents;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.AssetRetired;
import nl.herstel.contracts.bia.DependencyAdded;
import nl.herstel.contracts.bia.DependencyRemoved;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.ProcessRetired;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
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
      return Optional.of(new AssetRegistered(e.assetId(), e.name(), e.kind(), e.description(), at));
    }
    if (payload instanceof BiaEvents.ProcessDependencyAdded e) {
      return Optional.of(
          new DependencyAdded(
              e.dependencyId(), e.processId(), NodeKind.PROCESS, e.toId(), e.toKind(), at));
    }
    if (payload instanceof BiaEvents.AssetDependencyAdded e) {
      return Optional.of(
          new DependencyAdded(
              e.dependencyId(), e.assetId(), NodeKind.ASSET, e.toId(), e.toKind(), at));
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
    if (payload instanceof BiaEvents.AssetRetired e) {
      return Optional.of(new AssetRetired(e.assetId(), e.reason(), at));
    }
    return Optional.empty();
  }
}
