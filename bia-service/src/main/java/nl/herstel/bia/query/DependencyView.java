package nl.herstel.bia.query;

import java.time.Instant;
import nl.herstel.contracts.bia.NodeKind;

/**
 * An edge of the BIA graph: {@code from} depends on, or is supported by, {@code to}. Edges of one
 * {@code from} that share an {@code alternativeGroup} are alternatives: any one of them suffices.
 */
public record DependencyView(
    String id,
    String fromId,
    NodeKind fromKind,
    String toId,
    NodeKind toKind,
    String alternativeGroup,
    Instant addedAt) {}
