package nl.herstel.bia.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.herstel.bia.api.BiaCommands.AddAssetDependency;
import nl.herstel.bia.api.BiaCommands.ChangeAssetDetails;
import nl.herstel.bia.api.BiaCommands.RegisterAsset;
import nl.herstel.bia.api.BiaCommands.RemoveAssetDependency;
import nl.herstel.bia.api.BiaCommands.RetireAsset;
import nl.herstel.bia.api.BiaEvents.AssetDependencyAdded;
import nl.herstel.bia.api.BiaEvents.AssetDependencyRemoved;
import nl.herstel.bia.api.BiaEvents.AssetDetailsChanged;
import nl.herstel.bia.api.BiaEvents.AssetRegistered;
import nl.herstel.bia.api.BiaEvents.AssetRetired;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.contracts.bia.SupplierTerms;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * Something that keeps processes running: software, hardware, people, a supplier or IT service
 * provider, data, a facility (DOMAIN.md, step 1, "Map your interests"). It may depend on other
 * assets (an application on a database, the database on a hosting provider).
 */
public class Asset {
  @AggregateIdentifier private String assetId;
  private final Map<String, String> dependencies = new LinkedHashMap<>();
  private boolean retired;
  private AssetDetailsChanged details;

  protected Asset() {}

  @CommandHandler
  public Asset(RegisterAsset command) {
    checkSupplier(command.kind(), command.supplier());
    apply(
        new AssetRegistered(
            command.assetId(),
            command.name(),
            command.kind(),
            command.description(),
            command.owner(),
            command.supplier()));
  }

  /**
   * Replaces the asset's details; answers its version, unchanged when the details are the same as
   * they were.
   */
  @CommandHandler
  public long handle(ChangeAssetDetails command) {
    Long actual = AggregateLifecycle.getVersion();
    if (command.expectedVersion() != null && !command.expectedVersion().equals(actual)) {
      throw new Conflict(
          "Asset "
              + assetId
              + " is at version "
              + actual
              + ", not "
              + command.expectedVersion()
              + "; reload it and try again");
    }
    requireActive();
    checkSupplier(command.kind(), command.supplier());
    AssetDetailsChanged changed =
        new AssetDetailsChanged(
            assetId,
            command.name(),
            command.kind(),
            command.description(),
            command.owner(),
            command.supplier());
    if (!changed.equals(details)) {
      apply(changed);
    }
    return AggregateLifecycle.getVersion();
  }

  /** Only suppliers and IT service providers have a contract, an SLA and a guaranteed recovery. */
  private static void checkSupplier(AssetKind kind, SupplierTerms supplier) {
    if (supplier == null) {
      return;
    }
    if (kind != AssetKind.SUPPLIER) {
      throw new RuleViolation(
          "supplier", "Only an asset of kind SUPPLIER has supplier terms, not a " + kind);
    }
    Duration guaranteed = supplier.guaranteedRecoveryTime();
    if (guaranteed != null && (guaranteed.isNegative() || guaranteed.isZero())) {
      throw new RuleViolation(
          "supplier.guaranteedRecoveryTime", "The guaranteed recovery time must be positive");
    }
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
        new AssetDependencyAdded(
            assetId,
            command.dependencyId(),
            command.toId(),
            NodeKind.ASSET,
            command.alternativeGroup()));
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
    details =
        new AssetDetailsChanged(
            assetId,
            event.name(),
            event.kind(),
            event.description(),
            event.owner(),
            event.supplier());
  }

  @EventSourcingHandler
  void on(AssetDetailsChanged event) {
    details = event;
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
