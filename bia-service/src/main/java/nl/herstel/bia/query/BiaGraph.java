package nl.herstel.bia.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
import nl.herstel.bia.api.BiaQueries.SinglePointsOfFailure;
import nl.herstel.bia.query.GraphViews.AssetImpactView;
import nl.herstel.bia.query.GraphViews.AssetRequirement;
import nl.herstel.bia.query.GraphViews.CrownJewelAssets;
import nl.herstel.bia.query.GraphViews.Cycle;
import nl.herstel.bia.query.GraphViews.HitProcess;
import nl.herstel.bia.query.GraphViews.NodeRef;
import nl.herstel.bia.query.GraphViews.PrioritiesView;
import nl.herstel.bia.query.GraphViews.ProcessRef;
import nl.herstel.bia.query.GraphViews.RankedProcess;
import nl.herstel.bia.query.GraphViews.SinglePointOfFailure;
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

  /**
   * Which processes fail when one asset fails. Failure travels up the reverse edges: a node fails
   * when, for one of its alternative groups, every dependency in it has failed (a dependency
   * without a group is a group of one). Nodes left with a failed alternative but still running are
   * degraded; the processes that depend on them, directly or not, are at risk.
   */
  @QueryHandler
  public Optional<AssetImpactView> impact(AssetImpact query) {
    Snapshot g = current();
    Integer asset = g.index.get(query.assetId());
    if (asset == null || g.kind[asset] != NodeKind.ASSET) {
      return Optional.empty();
    }
    Failure failure = new Failure(g);
    failure.propagate(asset);
    List<Integer> hit = new ArrayList<>();
    int critical = 0;
    for (int x : failure.failed) {
      if (g.kind[x] == NodeKind.PROCESS) {
        hit.add(x);
        if (g.critical[x]) {
          critical++;
        }
      }
    }
    hit.sort(byMtpd(g));
    int limit = Math.min(query.limit(), hit.size());
    List<HitProcess> processes = new ArrayList<>(limit);
    for (int p : hit.subList(0, limit)) {
      List<NodeRef> path = new ArrayList<>();
      for (int x = p; x != -1; x = failure.next[x]) {
        path.add(g.ref(x));
      }
      processes.add(
          new HitProcess(
              g.id[p], g.name[p], g.critical[p], g.crownJewel[p], g.mtpd[p], g.rto[p], path));
    }
    List<Integer> atRisk = failure.processesAtRisk();
    atRisk.sort(byMtpd(g));
    return Optional.of(
        new AssetImpactView(
            g.id[asset],
            g.name[asset],
            hit.size(),
            critical,
            limit < hit.size(),
            processes,
            atRisk.stream().map(g::ref).toList()));
  }

  /**
   * The assets whose failure alone disrupts a critical process, most critical processes first: for
   * each asset the failure is propagated as in {@link #impact}. Computed once per snapshot.
   */
  @QueryHandler
  public List<SinglePointOfFailure> singlePointsOfFailure(SinglePointsOfFailure query) {
    Snapshot g = current();
    List<SinglePointOfFailure> cached = g.singlePointsOfFailure;
    if (cached == null) {
      cached = computeSinglePointsOfFailure(g);
      g.singlePointsOfFailure = cached;
    }
    return cached;
  }

  /**
   * For every node a critical process reaches, the set of nodes it cannot run without: itself, and
   * per alternative group of its dependencies the nodes that every alternative in the group needs
   * (for a group of one: all its dependency needs). An asset in a critical process's set is a
   * single point of failure for it. Sets are bit sets, built children first; in a cycle, a node met
   * again before its set is complete counts as needed by itself only.
   */
  private static List<SinglePointOfFailure> computeSinglePointsOfFailure(Snapshot g) {
    BitSet[] needs = new BitSet[g.size];
    byte[] state = new byte[g.size];
    int[] stack = new int[g.size];
    int[] edge = new int[g.size];
    List<List<Integer>> hitBy = new ArrayList<>(g.size);
    for (int i = 0; i < g.size; i++) {
      hitBy.add(null);
    }
    for (int p = 0; p < g.size; p++) {
      if (g.kind[p] != NodeKind.PROCESS || !g.critical[p]) {
        continue;
      }
      int sp = 0;
      if (state[p] == 0) {
        stack[sp++] = p;
        state[p] = 1;
      }
      while (sp > 0) {
        int x = stack[sp - 1];
        if (edge[x] < g.out[x].length) {
          int child = g.out[x][edge[x]++];
          if (state[child] == 0) {
            state[child] = 1;
            stack[sp++] = child;
          }
          continue;
        }
        needs[x] = needsOf(g, x, needs);
        state[x] = 2;
        sp--;
      }
      BitSet needed = needs[p];
      for (int a = needed.nextSetBit(0); a >= 0; a = needed.nextSetBit(a + 1)) {
        if (g.kind[a] == NodeKind.ASSET) {
          if (hitBy.get(a) == null) {
            hitBy.set(a, new ArrayList<>());
          }
          hitBy.get(a).add(p);
        }
      }
    }
    List<SinglePointOfFailure> found = new ArrayList<>();
    for (int a = 0; a < g.size; a++) {
      List<Integer> critical = hitBy.get(a);
      if (critical != null) {
        critical.sort(byMtpd(g));
        found.add(
            new SinglePointOfFailure(
                g.id[a],
                g.name[a],
                g.assetKind[a],
                critical.stream()
                    .map(
                        p ->
                            new ProcessRef(
                                g.id[p], g.name[p], g.crownJewel[p], g.mtpd[p], g.rto[p]))
                    .toList()));
      }
    }
    found.sort(
        Comparator.<SinglePointOfFailure>comparingInt(s -> -s.criticalProcesses().size())
            .thenComparing(s -> s.criticalProcesses().get(0).mtpd())
            .thenComparing(SinglePointOfFailure::name));
    return List.copyOf(found);
  }

  /** What node {@code x} cannot run without, given the sets of its finished dependencies. */
  private static BitSet needsOf(Snapshot g, int x, BitSet[] needs) {
    BitSet needed = new BitSet(g.size);
    needed.set(x);
    Map<Integer, BitSet> alternatives = new HashMap<>();
    for (int k = 0; k < g.out[x].length; k++) {
      int child = g.out[x][k];
      int group = g.outGroup[x][k];
      BitSet childNeeds = needs[child];
      if (childNeeds == null) {
        childNeeds = new BitSet(g.size);
        childNeeds.set(child);
      }
      if (g.groupSize[group] == 1) {
        needed.or(childNeeds);
      } else {
        BitSet common = alternatives.get(group);
        if (common == null) {
          alternatives.put(group, (BitSet) childNeeds.clone());
        } else {
          common.and(childNeeds);
        }
      }
    }
    alternatives.values().forEach(needed::or);
    return needed;
  }

  private static Comparator<Integer> byMtpd(Snapshot g) {
    return Comparator.<Integer, Duration>comparing(p -> g.mtpd[p])
        .thenComparing(p -> g.rto[p])
        .thenComparing(p -> g.name[p]);
  }

  /**
   * One failure travelling up the graph. {@code next[x]} is the node whose failure made x fail
   * (towards the failed asset; -1 for the asset, -2 for nodes that did not fail).
   */
  private static final class Failure {
    final Snapshot g;
    final int[] next;
    final int[] failedInGroup;
    final List<Integer> failed = new ArrayList<>();
    final List<Integer> degraded = new ArrayList<>();

    Failure(Snapshot g) {
      this.g = g;
      next = new int[g.size];
      Arrays.fill(next, -2);
      failedInGroup = new int[g.groupSize.length];
    }

    void propagate(int start) {
      next[start] = -1;
      failed.add(start);
      for (int head = 0; head < failed.size(); head++) {
        int x = failed.get(head);
        int[] from = g.in[x];
        int[] group = g.inGroup[x];
        for (int k = 0; k < from.length; k++) {
          int f = from[k];
          if (next[f] != -2) {
            continue;
          }
          if (++failedInGroup[group[k]] == g.groupSize[group[k]]) {
            next[f] = x;
            failed.add(f);
          } else {
            degraded.add(f);
          }
        }
      }
    }

    /** The processes, not failed, that depend on a degraded node (or are one). */
    List<Integer> processesAtRisk() {
      boolean[] seen = new boolean[g.size];
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      for (int d : degraded) {
        if (next[d] == -2 && !seen[d]) {
          seen[d] = true;
          queue.add(d);
        }
      }
      List<Integer> processes = new ArrayList<>();
      while (!queue.isEmpty()) {
        int x = queue.poll();
        if (g.kind[x] == NodeKind.PROCESS) {
          processes.add(x);
        }
        for (int f : g.in[x]) {
          if (!seen[f] && next[f] == -2) {
            seen[f] = true;
            queue.add(f);
          }
        }
      }
      return processes;
    }
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
    return Optional.of(requirement(g, asset, rtoFrom, rpoFrom));
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
            .thenComparing(p -> -g.highestImpact[p])
            .thenComparing(p -> -g.totalImpact[p])
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
              g.rpo[p],
              g.highestImpact[p] < 0 ? null : g.highestImpact[p]));
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
        assets.add(requirement(g, a, rtoFrom[a], rpoFrom[a]));
      }
    }
    assets.sort(
        Comparator.comparing(AssetRequirement::requiredRto).thenComparing(AssetRequirement::name));
    return new PrioritiesView(ranked, crownJewels, assets);
  }

  private static AssetRequirement requirement(Snapshot g, int asset, int rtoFrom, int rpoFrom) {
    Duration required = rtoFrom >= 0 ? g.rto[rtoFrom] : null;
    Duration guaranteed = g.guaranteedRecovery[asset];
    return new AssetRequirement(
        g.id[asset],
        g.name[asset],
        g.assetKind[asset],
        required,
        rtoFrom >= 0 ? g.id[rtoFrom] : null,
        rpoFrom >= 0 ? g.rpo[rpoFrom] : null,
        rpoFrom >= 0 ? g.id[rpoFrom] : null,
        guaranteed,
        required == null || guaranteed == null ? null : guaranteed.compareTo(required) <= 0);
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
                  "SELECT asset_id, name, kind, guaranteed_recovery_seconds FROM bia_asset"
                      + " WHERE status = 'ACTIVE'");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          long guaranteed = r.getLong("guaranteed_recovery_seconds");
          boolean none = r.wasNull();
          b.asset(
              r.getString("asset_id"),
              r.getString("name"),
              AssetKind.valueOf(r.getString("kind")),
              none ? null : Duration.ofSeconds(guaranteed));
        }
      }
      try (PreparedStatement s =
              c.prepareStatement("SELECT from_id, to_id, alternative_group FROM bia_dependency");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          b.edge(r.getString("from_id"), r.getString("to_id"), r.getString("alternative_group"));
        }
      }
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT process_id, max(score), sum(score) FROM bia_impact GROUP BY process_id");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          b.impact(r.getString(1), r.getInt(2), r.getInt(3));
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
    final Duration[] guaranteedRecovery;
    final int[] highestImpact;
    final int[] totalImpact;
    final int[][] out;
    final int[][] in;

    /** Per reverse edge in {@code in[x]}: the alternative group the edge belongs to. */
    final int[][] inGroup;

    /** Per edge in {@code out[x]}: the alternative group the edge belongs to. */
    final int[][] outGroup;

    /** Per alternative group: how many dependencies it holds. */
    final int[] groupSize;

    volatile PrioritiesView priorities;
    volatile List<SinglePointOfFailure> singlePointsOfFailure;

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
      guaranteedRecovery = b.guaranteedRecovery.toArray(Duration[]::new);
      highestImpact = new int[size];
      totalImpact = new int[size];
      Arrays.fill(highestImpact, -1);
      b.impacts.forEach(
          (node, scores) -> {
            highestImpact[node] = scores[0];
            totalImpact[node] = scores[1];
          });
      out = adjacency(b.edgeFrom, b.edgeTo);
      in = adjacency(b.edgeTo, b.edgeFrom);
      inGroup = adjacency(b.edgeTo, b.edgeGroup);
      outGroup = adjacency(b.edgeFrom, b.edgeGroup);
      groupSize = new int[b.groups];
      for (int group : b.edgeGroup) {
        groupSize[group]++;
      }
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
      final List<Duration> guaranteedRecovery = new ArrayList<>();
      final Map<Integer, int[]> impacts = new HashMap<>();
      final List<Integer> edgeFrom = new ArrayList<>();
      final List<Integer> edgeTo = new ArrayList<>();
      final List<Integer> edgeGroup = new ArrayList<>();
      final Map<String, Integer> namedGroups = new HashMap<>();
      int groups;

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
        guaranteedRecovery.add(null);
      }

      void asset(String assetId, String assetName, AssetKind kindOfAsset, Duration guaranteed) {
        add(assetId, assetName, NodeKind.ASSET, kindOfAsset);
        critical.add(false);
        crownJewel.add(false);
        mtpd.add(null);
        rto.add(null);
        rpo.add(null);
        guaranteedRecovery.add(guaranteed);
      }

      void impact(String processId, int highest, int total) {
        Integer node = index.get(processId);
        if (node != null) {
          impacts.put(node, new int[] {highest, total});
        }
      }

      private void add(String nodeId, String nodeName, NodeKind nodeKind, AssetKind kindOfAsset) {
        index.put(nodeId, id.size());
        id.add(nodeId);
        name.add(nodeName);
        kind.add(nodeKind);
        assetKind.add(kindOfAsset);
      }

      /**
       * An edge; edges of one node with the same alternative group share a group id, every other
       * edge gets one of its own.
       */
      void edge(String fromId, String toId, String alternativeGroup) {
        Integer f = index.get(fromId);
        Integer t = index.get(toId);
        if (f != null && t != null) {
          edgeFrom.add(f);
          edgeTo.add(t);
          edgeGroup.add(
              alternativeGroup == null
                  ? groups++
                  : namedGroups.computeIfAbsent(f + "\u0000" + alternativeGroup, k -> groups++));
        }
      }

      Snapshot build(long version) {
        return new Snapshot(this, version);
      }
    }
  }
}
