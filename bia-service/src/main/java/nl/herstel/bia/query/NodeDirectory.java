package nl.herstel.bia.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import nl.herstel.bia.api.BiaQueries.FindNode;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Which kind of node an id names, and whether it is retired, read from the event store itself: a
 * reference check must not depend on how far the read model has caught up (an asset registered a
 * moment ago may be named at once).
 */
public class NodeDirectory {
  private final JdbcTransactions db;

  public NodeDirectory(JdbcTransactions db) {
    this.db = db;
  }

  /** A node of the BIA graph. */
  public record Node(String id, NodeKind kind, boolean retired) {}

  @QueryHandler
  public Optional<Node> find(FindNode query) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT type, bool_or(payloadtype LIKE '%$ProcessRetired'"
                    + " OR payloadtype LIKE '%$AssetRetired') AS retired"
                    + " FROM domainevententry WHERE aggregateidentifier = ? GROUP BY type")) {
      s.setString(1, query.id());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String type = r.getString("type");
          if ("BusinessProcess".equals(type)) {
            return Optional.of(new Node(query.id(), NodeKind.PROCESS, r.getBoolean("retired")));
          }
          if ("Asset".equals(type)) {
            return Optional.of(new Node(query.id(), NodeKind.ASSET, r.getBoolean("retired")));
          }
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not look up " + query.id(), e);
    }
    return Optional.empty();
  }
}
