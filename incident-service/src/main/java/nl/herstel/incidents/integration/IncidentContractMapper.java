package nl.herstel.incidents.integration;

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
      Object principal = message.getMetaData().get("principal");
      return Optional.of(
          new nl.herstel.contracts.incidents.AssetHintMapped(
              e.mappingId(),
              e.hint(),
              e.assetId(),
              e.kind(),
              e.value(),
              principal == null ? "unknown" : principal.toString(),
              at));
    }
    if (payload instanceof IncidentEvents.IncidentOpened e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.IncidentOpened(
              e.incidentId(),
              e.title(),
              e.severity(),
              e.disruptedAt(),
              e.assets().stream().map(AssetRef::assetId).toList(),
              e.affectedProcesses().stream()
                  .map(
                      p ->
                          new AffectedProcess(
                              p.processId(),
                              p.name(),
                              p.rto(),
                              p.mtpd(),
                              p.rtoDeadline(),
                              p.mtpdDeadline()))
                  .toList(),
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
    // ---- an incident split off another is a new incident to the other services ----
    if (payload instanceof RecoveryEvents.IncidentSplitOff e) {
      return Optional.of(
          new nl.herstel.contracts.incidents.IncidentOpened(
              e.incidentId(),
              e.parts().alerts().get(0).title(),
              e.parts().alerts().stream().map(a -> a.severity()).max(Enum::compareTo).orElseThrow(),
              e.parts().disruptedAt(),
              e.parts().assets().stream().map(AssetRef::assetId).toList(),
              e.parts().affectedProcesses().stream()
                  .map(
                      p ->
                          new AffectedProcess(
                              p.processId(),
                              p.name(),
                              p.rto(),
                              p.mtpd(),
                              p.rtoDeadline(),
                              p.mtpdDeadline()))
                  .toList(),
              at));
    }
    return Optional.empty();
  }
}
