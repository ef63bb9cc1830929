package nl.herstel.bia.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.herstel.bia.api.BiaQueries.AssetImpact;
import nl.herstel.bia.api.BiaQueries.FindCycles;
import nl.herstel.bia.api.BiaQueries.Priorities;
import nl.herstel.bia.api.BiaQueries.RequiredTargets;
import nl.herstel.bia.query.GraphViews.AssetImpactView;
import nl.herstel.bia.query.GraphViews.AssetRequirement;
import nl.herstel.bia.query.GraphViews.CrownJewelAssets;
import nl.herstel.bia.query.GraphViews.Cycle;
import nl.herstel.bia.query.GraphViews.HitProcess;
import nl.herstel.bia.query.GraphViews.NodeRef;
import nl.herstel.bia.query.GraphViews.PrioritiesView;
import nl.herstel.bia.query.GraphViews.RankedProcess;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Graph queries over the active part of the BIA read model, answered from an in-memory snapshot.
 * The snapshot is reloaded when {@code bia_graph_version} (bumped by the projection in the same
 * transaction as every graph change) differs from the one it was loaded at; the version is read
 * before the rows, so a snapshot is never older than its version. The priorities are computed once
 * per snapshot.
 */
public class BiaGraph {
  private static final Set<AssetKind> IT =
      EnumSet.of(AssetKind.SOFTWARE, AssetKind.HARDWARE, AssetKind.DATA);

  private final JdbcTransactions db;
  private volatile Snapshot snapshot;

  public BiaGraph(JdbcTransactions db) {
    this.db = db;
  }

  @QueryHandler
  public Optional<AssetImpactView> impact(AssetImpact query) {
    Snapshot g = current();
    Integer asset = g.index.get(query.assetId());
    if (asset == null || g.kind[asset] != NodeKind.ASSET) {
      return Optional.empty();
    }
    // breadth-first along the reverse edges: next[x] is x's next step towards the asset
    int[] next = new int[g.size];
    Arrays.fill(next, -2);
    next[asset] = -1;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(asset);
    List<Integer> hit = new ArrayList<>();
    while (!queue.isEmpty()) {
      int x = queue.poll();
      for (int from : g.in[x]) {
        if (next[from] == -2) {
          next[from] = x;
          queue.add(from);
          if (g.kind[from] == NodeKind.PROCESS) {
            hit.add(from);
          }
        }
      }
    }
    hit.sort(
        Comparator.<Integer, Duration>comparing(p -> g.mtpd[p])
            .thenComparing(p -> g.rto[p])
            .thenComparing(p -> g.name[p]));
    List<HitProcess> processes = new ArrayList<>(hit.size());
    for (int p : hit) {
      List<NodeRef> path = new ArrayList<>();
      for (int x = p; x != -1; x = next[x]) {
        path.add(g.ref(x));
      }
      processes.add(
          new HitProcess(
              g.id[p], g.name[p], g.critical[p], g.crownJewel[p], g.mtpd[p], g.rto[p], path));
    }
    return Optional.of(new AssetImpactView(g.id[asset], g.name[asset], processes));
  }

  @QueryHandler
  public PrioritiesView priorities(Priorities query) {
    Snapshot g = current();
    PrioritiesView cached = g.priorities;
    if (cached == null) {
      cached = computePriorities(g);
      g.priorities = cached;
    }
    return cached;
  }

  /**
   * The strictest RTO and RPO among the processes that depend on one asset through the graph: a
   * walk along the reverse edges from the asset.
   */
  @QueryHandler
  public Optional<AssetRequirement> requiredTargets(RequiredTargets query) {
    Snapshot g = current();
    Integer asset = g.index.get(query.assetId());
    if (asset == null || g.kind[asset] != NodeKind.ASSET) {
      return Optional.empty();
    }
    boolean[] seen = new boolean[g.size];
    seen[asset] = true;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(asset);
    int rtoFrom = -1;
    int rpoFrom = -1;
    while (!queue.isEmpty()) {
      int x = queue.poll();
      for (int from : g.in[x]) {
        if (!seen[from]) {
          seen[from] = true;
          queue.add(from);
          if (g.kind[from] == NodeKind.PROCESS) {
            if (rtoFrom < 0 || g.rto[from].compareTo(g.rto[rtoFrom]) < 0) {
              rtoFrom = from;
            }
            if (g.rpo[from] != null && (rpoFrom < 0 || g.rpo[from].compareTo(g.rpo[rpoFrom]) < 0)) {
              rpoFrom = from;
            }
          }
        }
      }
    }
    return Optional.of(
        new AssetRequirement(
            g.id[asset],
            g.name[asset],
            g.assetKind[asset],
            rtoFrom >= 0 ? g.rto[rtoFrom] : null,
            rtoFrom >= 0 ? g.id[rtoFrom] : null,
            rpoFrom >= 0 ? g.rpo[rpoFrom] : null,
            rpoFrom >= 0 ? g.id[rpoFrom] : null));
  }

  private static PrioritiesView computePriorities(Snapshot g) {
    List<Integer> processes = new ArrayList<>();
    for (int i = 0; i < g.size; i++) {
      if (g.kind[i] == NodeKind.PROCESS) {
        processes.add(i);
      }
    }
    processes.sort(
        Comparator.<Integer, Duration>comparing(p -> g.rto[p])
            .thenComparing(p -> !g.critical[p])
            .thenComparing(p -> !g.crownJewel[p])
            .thenComparing(p -> g.mtpd[p])
            .thenComparing(p -> g.name[p]));
    List<RankedProcess> ranked = new ArrayList<>(processes.size());
    List<CrownJewelAssets> crownJewels = new ArrayList<>();
    for (int p : processes) {
      ranked.add(
          new RankedProcess(
              ranked.size() + 1,
              g.id[p],
              g.name[p],
              g.critical[p],
              g.crownJewel[p],
              g.rto[p],
              g.mtpd[p],
              g.rpo[p]));
      if (g.crownJewel[p]) {
        List<NodeRef> itAssets = new ArrayList<>();
        for (int x : reach(g, p)) {
          if (g.kind[x] == NodeKind.ASSET && IT.contains(g.assetKind[x])) {
            itAssets.add(g.ref(x));
          }
        }
        itAssets.sort(Comparator.comparing(NodeRef::name));
        crownJewels.add(new CrownJewelAssets(g.id[p], g.name[p], itAssets));
      }
    }
    int[] rtoFrom = strictest(g, processes);
    List<Integer> withRpo =
        new ArrayList<>(processes.stream().filter(p -> g.rpo[p] != null).toList());
    withRpo.sort(Comparator.comparing(p -> g.rpo[p]));
    int[] rpoFrom = strictest(g, withRpo);
    List<AssetRequirement> assets = new ArrayList<>();
    for (int a = 0; a < g.size; a++) {
      if (g.kind[a] == NodeKind.ASSET && rtoFrom[a] >= 0) {
        assets.add(
            new AssetRequirement(
                g.id[a],
                g.name[a],
                g.assetKind[a],
                g.rto[rtoFrom[a]],
                g.id[rtoFrom[a]],
                rpoFrom[a] >= 0 ? g.rpo[rpoFrom[a]] : null,
                rpoFrom[a] >= 0 ? g.id[rpoFrom[a]] : null));
      }
    }
    assets.sort(
        Comparator.comparing(AssetRequirement::requiredRto).thenComparing(AssetRequirement::name));
    return new PrioritiesView(ranked, crownJewels, assets);
  }

  /** For each node, the process (in {@code ordered}, strictest first) that first reaches it. */
  private static int[] strictest(Snapshot g, List<Integer> ordered) {
    int[] from = new int[g.size];
    Arrays.fill(from, -1);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int p : ordered) {
      // a node already reached by a stricter process has had all it depends on reached too
      if (from[p] >= 0) {
        continue;
      }
      from[p] = p;
      queue.add(p);
      while (!queue.isEmpty()) {
        int x = queue.poll();
        for (int to : g.out[x]) {
          if (from[to] < 0) {
            from[to] = p;
            queue.add(to);
          }
        }
      }
    }
    return from;
  }

  /** Everything {@code start} depends on, transitively (not itself). */
  private static List<Integer> reach(Snapshot g, int start) {
    boolean[] seen = new boolean[g.size];
    seen[start] = true;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    List<Integer> reached = new ArrayList<>();
    while (!queue.isEmpty()) {
      int x = queue.poll();
      for (int to : g.out[x]) {
        if (!seen[to]) {
          seen[to] = true;
          reached.add(to);
          queue.add(to);
        }
      }
    }
    return reached;
  }

  @QueryHandler
  public List<Cycle> cycles(FindCycles query) {
    Snapshot g = current();
    int n = g.size;
    int[] index = new int[n];
    int[] low = new int[n];
    int[] edge = new int[n];
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int[] calls = new int[n];
    Arrays.fill(index, -1);
    int sp = 0;
    int counter = 0;
    List<Cycle> cycles = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      if (index[s] != -1) {
        continue;
      }
      int cp = 0;
      calls[cp++] = s;
      index[s] = low[s] = counter++;
      stack[sp++] = s;
      onStack[s] = true;
      while (cp > 0) {
        int v = calls[cp - 1];
        if (edge[v] < g.out[v].length) {
          int w = g.out[v][edge[v]++];
          if (index[w] == -1) {
            index[w] = low[w] = counter++;
            stack[sp++] = w;
            onStack[w] = true;
            calls[cp++] = w;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          List<NodeRef> component = new ArrayList<>();
          int w;
          do {
            w = stack[--sp];
            onStack[w] = false;
            component.add(g.ref(w));
          } while (w != v);
          if (component.size() > 1) {
            component.sort(Comparator.comparing(NodeRef::name).thenComparing(NodeRef::id));
            cycles.add(new Cycle(component));
          }
        }
        cp--;
        if (cp > 0) {
          int u = calls[cp - 1];
          low[u] = Math.min(low[u], low[v]);
        }
      }
    }
    return cycles;
  }

  private Snapshot current() {
    long version = version();
    Snapshot s = snapshot;
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

  private long version() {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT version FROM bia_graph_version");
        ResultSet r = s.executeQuery()) {
      return r.next() ? r.getLong(1) : 0;
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the graph version", e);
    }
  }

  private Snapshot load(long version) {
    Snapshot.Builder b = new Snapshot.Builder();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT process_id, name, critical, crown_jewel, mtpd_seconds, rto_seconds,"
                      + " rpo_seconds FROM bia_process WHERE status = 'ACTIVE'");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long rpo = r.getLong("rpo_seconds");
          boolean noRpo = r.wasNull();
          b.process(
              r.getString("process_id"),
              r.getString("name"),
              r.getBoolean("critical"),
              r.getBoolean("crown_jewel"),
              Duration.ofSeconds(r.getLong("mtpd_seconds")),
              Duration.ofSeconds(r.getLong("rto_seconds")),
              noRpo ? null : Duration.ofSeconds(rpo));
        }
      }
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT asset_id, name, kind FROM bia_asset WHERE status = 'ACTIVE'");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          b.asset(
              r.getString("asset_id"), r.getString("name"), AssetKind.valueOf(r.getString("kind")));
        }
      }
      try (PreparedStatement s = c.prepareStatement("SELECT from_id, to_id FROM bia_dependency");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          b.edge(r.getString("from_id"), r.getString("to_id"));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not load the BIA graph", e);
    }
    return b.build(version);
  }

  /** An immutable, array-backed copy of the graph's active nodes and their edges. */
  static final class Snapshot {
    final long version;
    final int size;
    final Map<String, Integer> index;
    final String[] id;
    final String[] name;
    final NodeKind[] kind;
    final AssetKind[] assetKind;
    final boolean[] critical;
    final boolean[] crownJewel;
    final Duration[] mtpd;
    final Duration[] rto;
    final Duration[] rpo;
    final int[][] out;
    final int[][] in;
    volatile PrioritiesView priorities;

    private Snapshot(Builder b, long version) {
      this.version = version;
      size = b.id.size();
      index = b.index;
      id = b.id.toArray(String[]::new);
      name = b.name.toArray(String[]::new);
      kind = b.kind.toArray(NodeKind[]::new);
      assetKind = b.assetKind.toArray(AssetKind[]::new);
      critical = new boolean[size];
      crownJewel = new boolean[size];
      for (int i = 0; i < size; i++) {
        critical[i] = b.critical.get(i);
        crownJewel[i] = b.crownJewel.get(i);
      }
      mtpd = b.mtpd.toArray(Duration[]::new);
      rto = b.rto.toArray(Duration[]::new);
      rpo = b.rpo.toArray(Duration[]::new);
      out = adjacency(b.edgeFrom, b.edgeTo);
      in = adjacency(b.edgeTo, b.edgeFrom);
    }

    private int[][] adjacency(List<Integer> from, List<Integer> to) {
      int[] degree = new int[size];
      for (int f : from) {
        degree[f]++;
      }
      int[][] adjacent = new int[size][];
      for (int i = 0; i < size; i++) {
        adjacent[i] = new int[degree[i]];
      }
      int[] fill = new int[size];
      for (int e = 0; e < from.size(); e++) {
        int f = from.get(e);
        adjacent[f][fill[f]++] = to.get(e);
      }
      return adjacent;
    }

    NodeRef ref(int x) {
      return new NodeRef(id[x], kind[x], name[x], assetKind[x]);
    }

    static final class Builder {
      final Map<String, Integer> index = new HashMap<>();
      final List<String> id = new ArrayList<>();
      final List<String> name = new ArrayList<>();
      final List<NodeKind> kind = new ArrayList<>();
      final List<AssetKind> assetKind = new ArrayList<>();
      final List<Boolean> critical = new ArrayList<>();
      final List<Boolean> crownJewel = new ArrayList<>();
      final List<Duration> mtpd = new ArrayList<>();
      final List<Duration> rto = new ArrayList<>();
      final List<Duration> rpo = new ArrayList<>();
      final List<Integer> edgeFrom = new ArrayList<>();
      final List<Integer> edgeTo = new ArrayList<>();

      void process(
          String processId,
          String processName,
          boolean isCritical,
          boolean isCrownJewel,
          Duration processMtpd,
          Duration processRto,
          Duration processRpo) {
        add(processId, processName, NodeKind.PROCESS, null);
        critical.add(isCritical);
        crownJewel.add(isCrownJewel);
        mtpd.add(processMtpd);
        rto.add(processRto);
        rpo.add(processRpo);
      }

      void asset(String assetId, String assetName, AssetKind kindOfAsset) {
        add(assetId, assetName, NodeKind.ASSET, kindOfAsset);
        critical.add(false);
        crownJewel.add(false);
        mtpd.add(null);
        rto.add(null);
        rpo.add(null);
      }

      private void add(String nodeId, String nodeName, NodeKind nodeKind, AssetKind kindOfAsset) {
        index.put(nodeId, id.size());
        id.add(nodeId);
        name.add(nodeName);
        kind.add(nodeKind);
        assetKind.add(kindOfAsset);
      }

      void edge(String fromId, String toId) {
        Integer f = index.get(fromId);
        Integer t = index.get(toId);
        if (f != null && t != null) {
          edgeFrom.add(f);
          edgeTo.add(t);
        }
      }

      Snapshot build(long version) {
        return new Snapshot(this, version);
      }
    }
  }
}
