package nl.herstel.plans.query;

import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One system or application of the inventory the guide asks the plan to keep (DOMAIN.md, step 2),
 * derived from the BIA's assets rather than typed in twice: what it depends on, the suppliers
 * behind it, and the business processes that rely on it, directly or through other assets.
 *
 * @param rank 1 for the system whose failure matters most: it serves a crown jewel, then the
 *     shortest RTO of the processes relying on it, then the most processes
 * @param strictestRto the shortest RTO among the processes relying on it
 */
@Schema(description = "A system of the inventory, ranked by business impact")
public record InventoryItem(
    int rank,
    String assetId,
    String name,
    String kind,
    String owner,
    boolean crownJewel,
    Duration strictestRto,
    List<Ref> dependsOn,
    List<Ref> suppliers,
    List<Ref> processes) {

  /** A BIA node the item points at. */
  @Schema(description = "A BIA asset or process")
  public record Ref(String id, String name, String kind, Duration rto) {}
}
