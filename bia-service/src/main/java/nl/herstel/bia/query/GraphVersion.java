package nl.herstel.bia.query;

import nl.herstel.platform.jdbc.Sql;

/**
 * The version of the dependency graph's rows: every projection that changes a node or an edge bumps
 * it in the same transaction, and {@link GraphSnapshots} reloads its snapshot when it moved.
 */
final class GraphVersion {
  private GraphVersion() {}

  static void bump(Sql sql) {
    sql.update("UPDATE bia_graph_version SET version = version + 1");
  }

  static long current(Sql sql) {
    return sql.one("SELECT version FROM bia_graph_version", r -> r.getLong(1)).orElse(0L);
  }
}
