package nl.herstel.bia.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import nl.herstel.bia.api.BiaCommands.RegisterAsset;
import nl.herstel.bia.api.BiaEvents.AssetRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * Something that keeps processes running: software, hardware, people, a supplier or IT service
 * provider, data, a facility (DOMAIN.md, step 1, "Map your interests").
 */
public class Asset {
  @AggregateIdentifier private String assetId;

  protected Asset() {}

  @CommandHandler
  public Asset(RegisterAsset command) {
    apply(
        new AssetRegistered(
            command.assetId(), command.name(), command.kind(), command.description()));
  }

  @EventSourcingHandler
  void on(AssetRegistered event) {
    assetId = event.assetId();
  }
}
