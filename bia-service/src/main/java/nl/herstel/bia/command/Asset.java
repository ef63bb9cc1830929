package nl.herstel.bia.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.herstel.bia.api.BiaCommands.AddAssetDependency;
import nl.herstel.bia.api.BiaCommands.AddAssetIdentifier;
import nl.herstel.bia.api.BiaCommands.ChangeAssetDetails;
import nl.herstel.bia.api.BiaCommands.IdentifierOutcome;
import nl.herstel.bia.api.BiaCommands.NewIdentifier;
import nl.herstel.bia.api.BiaCommands.RegisterAsset;
import nl.herstel.bia.api.BiaCommands.RemoveAssetDependency;
import nl.herstel.bia.api.BiaCommands.RemoveAssetIdentifier;
import nl.herstel.bia.api.BiaCommands.RetireAsset;
import nl.herstel.bia.api.BiaEvents.AssetDependencyAdded;
import nl.herstel.bia.api.BiaEvents.AssetDependencyRemoved;
import nl.herstel.bia.api.BiaEvents.AssetDetailsChanged;
import nl.herstel.bia.api.BiaEvents.AssetIdentifierAdded;
import nl.herstel.bia.api.BiaEvents.AssetIdentifierRemoved;
import nl.herstel.bia.api.BiaEvents.AssetRegistered;
import nl.herstel.bia.api.BiaEvents.AssetRetired;
import nl.herstel.contracts.bia.AssetIdentifiers;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.IdentifierKind;
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
  private final Map<String, AssetIdentifierAdded> identifiers = new LinkedHashMap<>();

  protected Asset() {}

  /**
   * Registers the asset with its identifiers. Its name and each identifier must be free: one that
   * another asset holds is a conflict naming the field, and nothing is stored.
   */
  @CommandHandler
  public Asset(RegisterAsset command, AssetIdentityClaims claims) {
    checkSupplier(command.kind(), command.supplier());
    List<AssetIdentifierAdded> added = new ArrayList<>();
    Set<String> values = new HashSet<>();
    for (int i = 0; i < command.identifiers().size(); i++) {
      NewIdentifier identifier = command.identifiers().get(i);
      String field = "identifiers[" + i + "].value";
      AssetIdentifierAdded event = normalized(command.assetId(), identifier, field);
      if (!values.add(event.value())) {
        throw new RuleViolation(field, "'" + event.value() + "' is given twice");
      }
      added.add(event);
    }
    claimName(claims, command.assetId(), command.name());
    for (int i = 0; i < added.size(); i++) {
      claimIdentifier(claims, command.assetId(), added.get(i), "identifiers[" + i + "].value");
    }
    apply(
        new AssetRegistered(
            command.assetId(),
            command.name(),
            command.kind(),
            command.description(),
            command.owner(),
            command.supplier()));
    added.forEach(AggregateLifecycle::apply);
  }

  /**
   * Gives the asset an identifier. The same value again answers the identifier it has; a value
   * another asset holds is answered with that asset and stores nothing (a caller acting for a
   * person makes it a 409; one acting on another service's event must not fail forever on it).
   */
  @CommandHandler
  public IdentifierOutcome handle(AddAssetIdentifier command, AssetIdentityClaims claims) {
    AssetIdentifierAdded event = normalized(assetId, command.identifier(), "value");
    if (retired) {
      return new IdentifierOutcome(
          event.identifierId(),
          event.kind(),
          event.value(),
          false,
          null,
          "Asset " + assetId + " is retired");
    }
    for (AssetIdentifierAdded known : identifiers.values()) {
      if (known.value().equals(event.value())) {
        return new IdentifierOutcome(
            known.identifierId(), known.kind(), known.value(), false, null, null);
      }
    }
    if (identifiers.containsKey(event.identifierId())) {
      throw new Conflict(
          "identifierId", "Asset " + assetId + " has an identifier " + event.identifierId());
    }
    Optional<String> heldBy = claims.claim(assetId, event.value());
    if (heldBy.isPresent()) {
      return new IdentifierOutcome(
          event.identifierId(), event.kind(), event.value(), false, heldBy.get(), null);
    }
    apply(event);
    return new IdentifierOutcome(
        event.identifierId(), event.kind(), event.value(), true, null, null);
  }

  /** Removes an identifier, found by id or value; its value is free for other assets after. */
  @CommandHandler
  public void handle(RemoveAssetIdentifier command, AssetIdentityClaims claims) {
    requireActive();
    AssetIdentifierAdded identifier =
        command.identifierId() != null
            ? identifiers.get(command.identifierId())
            : identifiers.values().stream()
                .filter(i -> i.value().equals(valueKey(command.value())))
                .findFirst()
                .orElse(null);
    if (identifier == null) {
      throw new NotFound(
          "Identifier", command.identifierId() != null ? command.identifierId() : command.value());
    }
    if (!identifier.value().equals(nameKey(details.name()))) {
      claims.release(assetId, identifier.value());
    }
    apply(
        new AssetIdentifierRemoved(
            assetId, identifier.identifierId(), identifier.kind(), identifier.value()));
  }

  private static AssetIdentifierAdded normalized(
      String assetId, NewIdentifier identifier, String field) {
    IdentifierKind kind =
        identifier.kind() != null ? identifier.kind() : AssetIdentifiers.infer(identifier.value());
    try {
      return new AssetIdentifierAdded(
          assetId,
          identifier.identifierId(),
          kind,
          AssetIdentifiers.normalize(kind, identifier.value()));
    } catch (IllegalArgumentException invalid) {
      throw new RuleViolation(field, "Not a valid " + kind + ": " + invalid.getMessage());
    }
  }

  private static void claimName(AssetIdentityClaims claims, String assetId, String name) {
    Optional<String> heldBy = claims.claim(assetId, nameKey(name));
    if (heldBy.isPresent()) {
      throw new Conflict(
          "name",
          "The name '"
              + name
              + "' is already used by asset "
              + heldBy.get()
              + " (as its name or an identifier; case is ignored)");
    }
  }

  private static void claimIdentifier(
      AssetIdentityClaims claims, String assetId, AssetIdentifierAdded identifier, String field) {
    Optional<String> heldBy = claims.claim(assetId, identifier.value());
    if (heldBy.isPresent()) {
      throw new Conflict(
          field,
          "The identifier '" + identifier.value() + "' already belongs to asset " + heldBy.get());
    }
  }

  static String nameKey(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  private static String valueKey(String value) {
    String address = AssetIdentifiers.address(value);
    return address != null ? address : value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Replaces the asset's details; answers its version, unchanged when the details are the same as
   * they were.
   */
  @CommandHandler
  public long handle(ChangeAssetDetails command, AssetIdentityClaims claims) {
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
      String before = nameKey(details.name());
      String after = nameKey(command.name());
      if (!before.equals(after)) {
        claimName(claims, assetId, command.name());
        if (identifiers.values().stream().noneMatch(i -> i.value().equals(before))) {
          claims.release(assetId, before);
        }
      }
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

  /** Retires the asset; its name and identifiers are free for the asset that replaces it. */
  @CommandHandler
  public void handle(RetireAsset command, AssetIdentityClaims claims) {
    requireActive();
    claims.release(assetId, nameKey(details.name()));
    identifiers.values().forEach(i -> claims.release(assetId, i.value()));
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
  void on(AssetIdentifierAdded event) {
    identifiers.put(event.identifierId(), event);
  }

  @EventSourcingHandler
  void on(AssetIdentifierRemoved event) {
    identifiers.remove(event.identifierId());
  }

  @EventSourcingHandler
  void on(AssetRetired event) {
    retired = true;
  }
}
