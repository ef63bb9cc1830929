package nl.herstel.incidents.api;

import nl.herstel.incidents.api.IncidentCommands.RegisterEvidence;
import nl.herstel.incidents.api.IncidentCommands.TransferEvidence;
import nl.herstel.incidents.api.IncidentCommands.VerifyEvidence;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands the evidence routing (command side) sends on. Evidence items are aggregates of their
 * own, one stream per item: they live on after their incident closes. Items registered before that
 * live in their incident's stream and keep being handled there. The public commands ({@link
 * RegisterEvidence}, {@link TransferEvidence}, {@link VerifyEvidence}) name the incident and the
 * item; these name the aggregate that handles them.
 */
public final class EvidenceCommands {
  private EvidenceCommands() {}

  /**
   * Ask the incident whether it takes a new evidence item: a closed one does not. Stores nothing.
   */
  public record AdmitEvidence(@TargetAggregateIdentifier String incidentId, String itemId) {}

  /** Open the item's own stream with its registration. */
  public record OpenEvidenceItem(
      @TargetAggregateIdentifier String itemId, RegisterEvidence registration) {}

  /** Hand an item with a stream of its own on. */
  public record TransferEvidenceItem(
      @TargetAggregateIdentifier String itemId, TransferEvidence transfer) {}

  /** Check the integrity of an item with a stream of its own. */
  public record VerifyEvidenceItem(
      @TargetAggregateIdentifier String itemId, VerifyEvidence verification) {}

  /** Hand on an item registered in its incident's stream, before items had streams of their own. */
  public record TransferIncidentEvidence(
      @TargetAggregateIdentifier String incidentId, TransferEvidence transfer) {}

  /** Check an item registered in its incident's stream, before items had streams of their own. */
  public record VerifyIncidentEvidence(
      @TargetAggregateIdentifier String incidentId, VerifyEvidence verification) {}
}
