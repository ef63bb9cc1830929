package nl.herstel.contracts.bia;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A dependency was recorded in the BIA graph: {@code from} depends on, or is supported by, {@code
 * to}. Incidents follow these edges from a hit asset to the processes it disrupts; see DOMAIN.md,
 * BIA step 1 (dependencies across the supply chain).
 *
 * @param dependencyId the dependency's own id
 * @param fromId the dependent process or asset; the subject, as the aggregate that owns the
 *     dependency
 * @param fromKind whether {@code fromId} is a process or an asset
 * @param toId the process or asset depended on
 * @param toKind whether {@code toId} is a process or an asset
 * @param alternativeGroup the redundancy group of the dependency; nullable. Dependencies of one
 *     {@code from} that share a group are alternatives: any one of them suffices, so {@code from}
 *     fails only when all of them fail. A dependency without a group is needed on its own.
 * @param occurredAt when the dependency was added
 */
public record DependencyAdded(
    String dependencyId,
    String fromId,
    NodeKind fromKind,
    String toId,
    NodeKind toKind,
    String alternativeGroup,
    Instant occurredAt)
    implements IntegrationEvent {

  public DependencyAdded {
    Objects.requireNonNull(dependencyId, "dependencyId");
    Objects.requireNonNull(fromId, "fromId");
    Objects.requireNonNull(fromKind, "fromKind");
    Objects.requireNonNull(toId, "toId");
    Objects.requireNonNull(toKind, "toKind");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** A dependency that has no alternatives. */
  public DependencyAdded(
      String dependencyId,
      String fromId,
      NodeKind fromKind,
      String toId,
      NodeKind toKind,
      Instant occurredAt) {
    this(dependencyId, fromId, fromKind, toId, toKind, null, occurredAt);
  }

  @Override
  public String subject() {
    return fromId;
  }
}
