package nl.herstel.bia.config;

import static nl.herstel.platform.axon.EventLayout.absent;
import static nl.herstel.platform.axon.EventLayout.fill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.herstel.bia.api.BiaEvents.AssetRegistered;
import nl.herstel.bia.api.BiaEvents.TargetRevisionDecided;
import nl.herstel.bia.api.BiaEvents.TargetRevisionProposed;
import nl.herstel.bia.api.RevisionKind;
import nl.herstel.platform.axon.EventLayout;

/**
 * How BIA events stored before they had a revision (all of them, until revision 1) read in their
 * current layout. Each fills only what is missing, since an unrevised event may have any of the
 * layouts its class had:
 *
 * <ul>
 *   <li>{@code TargetRevisionProposed}: before kinds existed every revision was of the RTO, so
 *       {@code kind} RTO and {@code currentTarget} the {@code currentRto}; no {@code proposedRpo},
 *       no {@code evidence} (an empty list), no {@code proposalId}, and no threat ({@code
 *       threatId}, {@code currentLikelihood}, {@code proposedLikelihood} null); evidence stored
 *       before {@code disruptedAt} has none.
 *   <li>{@code TargetRevisionDecided}: no {@code proposalId} (decided by hand), no {@code threatId}
 *       (a revision of a process).
 *   <li>{@code AssetRegistered}: no {@code owner} and no {@code supplier} recorded.
 * </ul>
 */
public final class BiaLayouts {
  private BiaLayouts() {}

  public static List<EventLayout> all() {
    return List.of(
        EventLayout.unrevised(TargetRevisionProposed.class, BiaLayouts::proposed),
        EventLayout.unrevised(TargetRevisionDecided.class, BiaLayouts::decided),
        EventLayout.unrevised(AssetRegistered.class, BiaLayouts::assetRegistered));
  }

  static void proposed(ObjectNode event) {
    fill(event, "kind", JsonNodeFactory.instance.textNode(RevisionKind.RTO.name()));
    fill(event, "currentTarget", event.path("currentRto").deepCopy());
    absent(event, "proposedRpo");
    fill(event, "evidence", JsonNodeFactory.instance.arrayNode());
    for (JsonNode evidence : event.path("evidence")) {
      if (evidence instanceof ObjectNode item) {
        absent(item, "disruptedAt");
      }
    }
    absent(event, "proposalId");
    absent(event, "threatId");
    absent(event, "currentLikelihood");
    absent(event, "proposedLikelihood");
  }

  static void decided(ObjectNode event) {
    absent(event, "proposalId");
    absent(event, "threatId");
  }

  static void assetRegistered(ObjectNode event) {
    absent(event, "owner");
    absent(event, "supplier");
  }
}
