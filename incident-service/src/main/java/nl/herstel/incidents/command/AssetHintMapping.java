package nl.herstel.incidents.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import nl.herstel.incidents.api.IncidentCommands.MapAssetHint;
import nl.herstel.incidents.api.IncidentEvents.AssetHintMapped;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * An incident commander's word on which BIA asset an unresolved SOC hint names. Its own small
 * aggregate: the mapping belongs to no one incident (every incident that named the hint gains by
 * it), and its history says who mapped the hint to what, and when. It changes no BIA state itself:
 * bia-service owns identifiers and adds the hint when the mapping is published.
 */
public class AssetHintMapping {
  @AggregateIdentifier private String mappingId;
  private String assetId;

  protected AssetHintMapping() {}

  /** Maps the hint; mapping it to the asset it is mapped to already changes nothing. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(MapAssetHint command) {
    if (command.assetId().equals(assetId)) {
      return;
    }
    apply(
        new AssetHintMapped(
            command.mappingId(),
            command.hint(),
            command.assetId(),
            command.kind(),
            command.value()));
  }

  @EventSourcingHandler
  void on(AssetHintMapped event) {
    mappingId = event.mappingId();
    assetId = event.assetId();
  }
}
