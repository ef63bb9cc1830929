package nl.herstel.bia.query;

import java.time.Duration;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.platform.jdbc.Sql;

/**
 * The active part of the BIA graph as an in-memory {@link GraphSnapshot}, for the graph queries.
 * The snapshot is reloaded when {@code bia_graph_version} (bumped by the projections in the same
 * transaction as every graph change) differs from the one it was loaded at; the version is read
 * before the rows, so a snapshot is never older than its version. What is derived from a whole
 * snapshot (priorities, single points of failure) is computed once per snapshot.
 */
public class GraphSnapshots {
  private final Sql sql;
  private volatile GraphSnapshot snapshot;

  public GraphSnapshots(Sql sql) {
    this.sql = sql;
  }

  GraphSnapshot current() {
    long version = GraphVersion.current(sql);
    GraphSnapshot s = snapshot;
    if (s != null && s.version == version) {
      return s;
    }
    synchronized (this) {
      s = snapshot;
      if (s == null || s.version != version) {
        s = load(version);
        snapshot = s;
      }
      return s;
    }
  }

  private GraphSnapshot load(long version) {
    GraphSnapshot.Builder b = new GraphSnapshot.Builder();
    sql.list(
        "SELECT process_id, name, critical, crown_jewel, mtpd_seconds, rto_seconds, rpo_seconds"
            + " FROM bia_process WHERE status = 'ACTIVE'",
        r -> {
          b.process(
              r.getString("process_id"),
              r.getString("name"),
              r.getBoolean("critical"),
              r.getBoolean("crown_jewel"),
              Duration.ofSeconds(r.getLong("mtpd_seconds")),
              Duration.ofSeconds(r.getLong("rto_seconds")),
              Sql.duration(r, "rpo_seconds"));
          return null;
        });
    sql.list(
        "SELECT asset_id, name, kind, guaranteed_recovery_seconds FROM bia_asset"
            + " WHERE status = 'ACTIVE'",
        r -> {
          b.asset(
              r.getString("asset_id"),
              r.getString("name"),
              AssetKind.valueOf(r.getString("kind")),
              Sql.duration(r, "guaranteed_recovery_seconds"));
          return null;
        });
    sql.list(
        "SELECT from_id, to_id, alternative_group FROM bia_dependency",
        r -> {
          b.edge(r.getString("from_id"), r.getString("to_id"), r.getString("alternative_group"));
          return null;
        });
    sql.list(
        "SELECT process_id, max(score), sum(score) FROM bia_impact GROUP BY process_id",
        r -> {
          b.impact(r.getString(1), r.getInt(2), r.getInt(3));
          return null;
        });
    return b.build(version);
  }
}
