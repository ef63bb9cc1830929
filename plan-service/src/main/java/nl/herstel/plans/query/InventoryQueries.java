package nl.herstel.plans.query;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.herstel.plans.api.PlanQueries.ListInventory;
import nl.herstel.plans.query.InventoryItem.Ref;
import nl.herstel.platform.jdbc.Sql;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The system inventory from plan-service's copy of the BIA: every asset that is not retired, with
 * its dependencies, suppliers and the processes relying on it, ranked by business impact
 * (DOMAIN.md, BIA step 4: crown jewels first, RTO leading).
 */
public class InventoryQueries {
  private final Sql sql;

  public InventoryQueries(Sql sql) {
    this.sql = sql;
  }

  private record Asset(String id, String name, String kind, String owner, Duration guarantee) {}

  private record Process(String id, String name, Duration rto, boolean crownJewel) {}

  @QueryHandler
  public List<InventoryItem> list(ListInventory query) {
    Map<String, Asset> assets = new LinkedHashMap<>();
    sql.list(
        "SELECT asset_id, name, kind, owner, guarantee_seconds FROM plan_bia_asset"
            + " WHERE NOT retired ORDER BY name, asset_id",
        r ->
            assets.put(
                r.getString(1),
                new Asset(
                    r.getString(1),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    Sql.duration(r, "guarantee_seconds"))));
    Map<String, Process> processes = new HashMap<>();
    sql.list(
        "SELECT process_id, name, rto_seconds, crown_jewel FROM plan_known_process"
            + " WHERE NOT retired",
        r ->
            processes.put(
                r.getString(1),
                new Process(
                    r.getString(1),
                    r.getString(2),
                    Duration.ofSeconds(r.getLong(3)),
                    r.getBoolean(4))));
    Map<String, List<String>> out = new HashMap<>();
    Map<String, List<String>> in = new HashMap<>();
    sql.list(
        "SELECT from_id, to_id FROM plan_bia_dependency ORDER BY dependency_id",
        r -> {
          out.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2));
          in.computeIfAbsent(r.getString(2), k -> new ArrayList<>()).add(r.getString(1));
          return null;
        });

    List<InventoryItem> items = new ArrayList<>();
    for (Asset asset : assets.values()) {
      List<Process> relying = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      Deque<String> todo = new ArrayDeque<>(in.getOrDefault(asset.id(), List.of()));
      while (!todo.isEmpty()) {
        String node = todo.pop();
        if (!seen.add(node)) {
          continue;
        }
        Process process = processes.get(node);
        if (process != null) {
          relying.add(process);
        }
        todo.addAll(in.getOrDefault(node, List.of()));
      }
      relying.sort(Comparator.comparing(Process::rto).thenComparing(Process::name));
      List<Ref> dependsOn = new ArrayList<>();
      List<Ref> suppliers = new ArrayList<>();
      for (String to : out.getOrDefault(asset.id(), List.of())) {
        Asset target = assets.get(to);
        if (target != null) {
          Ref ref = new Ref(target.id(), target.name(), target.kind(), target.guarantee());
          dependsOn.add(ref);
          if ("SUPPLIER".equals(target.kind())) {
            suppliers.add(ref);
          }
        }
      }
      items.add(
          new InventoryItem(
              0,
              asset.id(),
              asset.name(),
              asset.kind(),
              asset.owner(),
              relying.stream().anyMatch(Process::crownJewel),
              relying.isEmpty() ? null : relying.get(0).rto(),
              dependsOn,
              suppliers,
              relying.stream().map(p -> new Ref(p.id(), p.name(), "PROCESS", p.rto())).toList()));
    }
    items.sort(
        Comparator.comparing((InventoryItem i) -> !i.crownJewel())
            .thenComparing(
                InventoryItem::strictestRto, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(i -> -i.processes().size())
            .thenComparing(InventoryItem::name)
            .thenComparing(InventoryItem::assetId));
    List<InventoryItem> page = new ArrayList<>();
    for (int i = query.after(); i < items.size() && page.size() <= query.limit(); i++) {
      InventoryItem item = items.get(i);
      page.add(
          new InventoryItem(
              i + 1,
              item.assetId(),
              item.name(),
              item.kind(),
              item.owner(),
              item.crownJewel(),
              item.strictestRto(),
              item.dependsOn(),
              item.suppliers(),
              item.processes()));
    }
    return page;
  }
}
