package nl.herstel.bia.query;

import java.util.Optional;
import nl.herstel.bia.api.BiaQueries.FindNode;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Which kind of node an id names, and whether it is retired, read from the event store's table
 * itself: a reference check must not depend on how far the read model has caught up (an asset
 * registered a moment ago may be named at once). It reads only the stored events' aggregate and
 * payload types, one aggregated row, not their payloads.
 */
public class NodeDirectory {
  private final Sql sql;

  public NodeDirectory(Sql sql) {
    this.sql = sql;
  }

  /** A node of the BIA graph. */
  public record Node(String id, NodeKind kind, boolean retired) {}

  @QueryHandler
  public Optional<Node> find(FindNode query) {
    return sql
        .list(
            "SELECT type, bool_or(payloadtype LIKE '%$ProcessRetired'"
                + " OR payloadtype LIKE '%$AssetRetired') AS retired"
                + " FROM domainevententry WHERE aggregateidentifier = ? GROUP BY type",
            r -> {
              String type = r.getString("type");
              NodeKind kind =
                  "BusinessProcess".equals(type)
                      ? NodeKind.PROCESS
                      : "Asset".equals(type) ? NodeKind.ASSET : null;
              return kind == null ? null : new Node(query.id(), kind, r.getBoolean("retired"));
            },
            query.id())
        .stream()
        .filter(node -> node != null)
        .findFirst();
  }
}
