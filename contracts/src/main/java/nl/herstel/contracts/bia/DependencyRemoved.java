package nl.herstel.contracts.bia;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * A dependency was removed from the BIA graph: {@code from} no longer depends on {@code to}. The
 * counterpart of {@link DependencyAdded}, with the same ids, so that a consumer's copy of the graph
 * can drop the edge.
 *
 * @param dependencyId the removed dependency's id, as in {@link DependencyAdded}
 * @param fromId the dependent process or asset; the subject
 * @param fromKind whether {@code fromId} is a process or an asset
 * @param toId the process or asset that was depended on
 * @param toKind whether {@code toId} is a process or an asset
 * @param occurredAt when the dependency was removed
 */
public record DependencyRemoved(
    String dependencyId,
    String fromId,
    NodeKind fromKind,
    String toId,
    NodeKind toKind,
    Instant occurredAt)
    implements IntegrationEvent {

  public DependencyRemoved {
    Objects.requireNonNull(dependencyId, "dependencyId");
    Objects.requireNonNull(fromId, "fromId");
    Objects.requireNonNull(fromKind, "fromKind");
    Objects.requireNonNull(toId, "toId");
    Objects.requireNonNull(toKind, "toKind");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return fromId;
  }
}
