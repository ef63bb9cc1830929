package nl.herstel.incidents.query;

import static nl.herstel.platform.jdbc.Sql.duration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.incidents.api.IncidentCommands.ProcessTargets;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.IncidentQueries.FindAffectedProcesses;
import nl.herstel.incidents.api.IncidentQueries.FindBiaAsset;
import nl.herstel.incidents.api.IncidentQueries.ResolveAssets;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Reads the BIA copy as a graph: which assets an alert names, and which business processes depend
 * on them, directly or through other assets and processes (DOMAIN.md, BIA step 1: the dependencies
 * across the supply chain).
 */
public class BiaCopyGraph {
  private final JdbcTransactions db;
  private final Sql sql;

  public BiaCopyGraph(JdbcTransactions db) {
    this.db = db;
    this.sql = new Sql(db);
  }

  /** Resolves each named hint with the one rule of {@link AssetResolver}. */
  @QueryHandler
  public AssetResolution resolve(ResolveAssets query) {
    Map<String, AssetRef> resolved = new LinkedHashMap<>();
    List<String> unresolved = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    // One transaction: every hint is looked up on the same connection.
    db.inTransaction(
        () -> {
          for (String reference : query.references()) {
            AssetResolver.Match match = AssetResolver.resolve(sql, reference);
            if (match.asset() != null) {
              resolved.putIfAbsent(match.asset().assetId(), match.asset());
            } else {
              unresolved.add(reference);
              if (match.warning() != null) {
                warnings.add(match.warning());
              }
            }
          }
          return null;
        });
    return new AssetResolution(List.copyOf(resolved.values()), unresolved, warnings);
  }

  /** An active asset of the BIA copy, by id. */
  @QueryHandler
  public Optional<AssetRef> find(FindBiaAsset query) {
    return sql.one(
        "SELECT asset_id, name FROM bia_copy_asset WHERE asset_id = ? AND NOT retired",
        r -> new AssetRef(r.getString("asset_id"), r.getString("name")),
        query.assetId());
  }

  /** Walks the dependency edges backwards from the assets; UNION stops at cycles. */
  @QueryHandler
  public List<ProcessTargets> affected(FindAffectedProcesses query) {
    if (query.assetIds().isEmpty()) {
      return new ArrayList<>();
    }
    return sql.list(
        "WITH RECURSIVE hit (node_id) AS ("
            + " SELECT unnest(?::varchar[])"
            + " UNION"
            + " SELECT d.from_id FROM bia_copy_dependency d JOIN hit ON d.to_id = hit.node_id)"
            + " SELECT p.process_id, COALESCE(p.name, p.process_id) AS name,"
            + " p.rto_seconds, p.mtpd_seconds, p.rpo_seconds"
            + " FROM bia_copy_process p JOIN hit ON p.process_id = hit.node_id"
            + " ORDER BY p.rto_seconds, name, p.process_id",
        r ->
            new ProcessTargets(
                r.getString("process_id"),
                r.getString("name"),
                duration(r, "rto_seconds"),
                duration(r, "mtpd_seconds"),
                duration(r, "rpo_seconds")),
        List.copyOf(query.assetIds()));
  }
}
