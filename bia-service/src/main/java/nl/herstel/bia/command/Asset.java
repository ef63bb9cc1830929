package nl.herstel.bia.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.herstel.bia.api.BiaCommands.AddAssetDependency;
import nl.herstel.bia.api.BiaCommands.RegisterAsset;
import nl.herstel.bia.api.BiaCommands.RemoveAssetDependency;
import nl.herstel.bia.api.BiaCommands.RetireAsset;
import nl.herstel.bia.api.BiaEvents.AssetDependencyAdded;
import nl.herstel.bia.api.BiaEvents.AssetDependencyRemoved;
import nl.herstel.bia.api.BiaEvents.AssetRegistered;
import nl.herstel.bia.api.BiaEvents.AssetRetired;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * Something that keeps processes running: software, hardware, people, a supplier or IT service
 * provider, data, a facility (DOMAIN.md, step 1, "Map your interests"). It may depend on other
 * assets (an application on a database, the database on a hosting provider).
 */
public class Asset {
  @AggregateIdentifier private String assetId;
  private final Map<String, String> dependencies = new LinkedHashMap<>();
  private boolean retired;

  protected Asset() {}

  @CommandHandler
  public Asset(RegisterAsset command) {
    apply(
        new AssetRegistered(
            command.assetId(), command.name(), command.kind(), command.description()));
  }

  @CommandHandler
  public void handle(AddAssetDependency command) {
    requireActive();
    if (command.toId().equals(assetId)) {
      throw new RuleViolation("toId", "An asset cannot depend on itself");
    }
    if (dependencies.containsValue(command.toId())) {
      throw new Conflict("Asset " + assetId + " already depends on " + command.toId());
    }
    apply(
        new AssetDependencyAdded(assetId, command.dependencyId(), command.toId(), NodeKind.ASSET));
  }

  @CommandHandler
  public void handle(RemoveAssetDependency command) {
    String toId = dependencies.get(command.dependencyId());
    if (toId == null) {
      throw new NotFound("Dependency", command.dependencyId());
    }
    apply(new AssetDependencyRemoved(assetId, command.dependencyId(), toId, NodeKind.ASSET));
  }

  @CommandHandler
  public void handle(RetireAsset command) {
    requireActive();
    apply(new AssetRetired(assetId, command.reason()));
  }

  private void requireActive() {
    if (retired) {
      throw new Conflict("Asset " + assetId + " is retired");
    }
  }

  @EventSourcingHandler
  void on(AssetRegistered event) {
    assetId = event.assetId();
  }

  @EventSourcingHandler
  void on(AssetDependencyAdded event) {
    dependencies.put(event.dependencyId(), event.toId());
  }

  @EventSourcingHandler
  void on(AssetDependencyRemoved event) {
    dependencies.remove(event.dependencyId());
  }

  @EventSourcingHandler
  void on(AssetRetired event) {
    retired = true;
  }
}
