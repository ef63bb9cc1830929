package nl.herstel.bia.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.herstel.bia.api.BiaEvents.AssetDependencyAdded;
import nl.herstel.bia.api.BiaEvents.AssetDependencyRemoved;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyAdded;
import nl.herstel.bia.api.BiaEvents.ProcessDependencyRemoved;
import nl.herstel.bia.api.BiaQueries.FindDependency;
import nl.herstel.bia.api.BiaQueries.ListDependencies;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.platform.jdbc.Sql;
import nl.herstel.platform.rest.Page;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The edges of the BIA graph ({@code bia_dependency}): what a process or an asset cannot run
 * without, with the alternative group an edge belongs to.
 */
@ProcessingGroup(ProcessProjection.READ_MODEL)
public class DependencyProjection {
  private final Sql sql;

  public DependencyProjection(Sql sql) {
    this.sql = sql;
  }

  @EventHandler
  void on(ProcessDependencyAdded e, @Timestamp Instant at, @SequenceNumber Long seq) {
    GraphVersion.bump(sql);
    sql.update("UPDATE bia_process SET version = ? WHERE process_id = ?", seq, e.processId());
    add(
        e.dependencyId(),
        e.processId(),
        NodeKind.PROCESS,
        e.toId(),
        e.toKind(),
        at,
        e.alternativeGroup());
  }

  @EventHandler
  void on(AssetDependencyAdded e, @Timestamp Instant at) {
    GraphVersion.bump(sql);
    add(
        e.dependencyId(),
        e.assetId(),
        NodeKind.ASSET,
        e.toId(),
        e.toKind(),
        at,
        e.alternativeGroup());
  }

  @EventHandler
  void on(ProcessDependencyRemoved e, @SequenceNumber Long seq) {
    GraphVersion.bump(sql);
    sql.update("DELETE FROM bia_dependency WHERE dependency_id = ?", e.dependencyId());
    sql.update("UPDATE bia_process SET version = ? WHERE process_id = ?", seq, e.processId());
  }

  @EventHandler
  void on(AssetDependencyRemoved e) {
    GraphVersion.bump(sql);
    sql.update("DELETE FROM bia_dependency WHERE dependency_id = ?", e.dependencyId());
  }

  private void add(
      String dependencyId,
      String fromId,
      NodeKind fromKind,
      String toId,
      NodeKind toKind,
      Instant at,
      String alternativeGroup) {
    sql.update(
        "INSERT INTO bia_dependency (dependency_id, from_id, from_kind, to_id, to_kind, added_at,"
            + " alternative_group) VALUES (?, ?, ?, ?, ?, ?, ?)",
        dependencyId,
        fromId,
        fromKind.name(),
        toId,
        toKind.name(),
        at,
        alternativeGroup);
  }

  @QueryHandler
  public Optional<DependencyView> find(FindDependency query) {
    return dependencies(
            "SELECT * FROM bia_dependency WHERE dependency_id = ?", query.dependencyId())
        .stream()
        .findFirst();
  }

  @QueryHandler
  public List<DependencyView> list(ListDependencies query) {
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> args = new ArrayList<>();
    if (query.fromId() != null) {
      where.append(" AND from_id = ?");
      args.add(query.fromId());
    }
    if (query.after() != null) {
      args.addAll(Page.parse(query.after(), 2, k -> List.of(Instant.parse(k[0]), k[1])));
      where.append(" AND (added_at, dependency_id) > (?, ?)");
    }
    args.add(query.limit() + 1);
    return dependencies(
        "SELECT * FROM bia_dependency" + where + " ORDER BY added_at, dependency_id LIMIT ?",
        args.toArray());
  }

  /** The sort key of a dependency in {@link ListDependencies}, for its cursor. */
  public static String key(DependencyView dependency) {
    return Page.key(dependency.addedAt(), dependency.id());
  }

  private List<DependencyView> dependencies(String query, Object... args) {
    return sql.list(
        query,
        r ->
            new DependencyView(
                r.getString("dependency_id"),
                r.getString("from_id"),
                NodeKind.valueOf(r.getString("from_kind")),
                r.getString("to_id"),
                NodeKind.valueOf(r.getString("to_kind")),
                r.getString("alternative_group"),
                Sql.instant(r, "added_at")),
        args);
  }
}
