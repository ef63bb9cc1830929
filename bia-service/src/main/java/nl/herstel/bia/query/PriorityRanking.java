package nl.herstel.bia.query;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.herstel.bia.api.BiaQueries.Priorities;
import nl.herstel.bia.api.BiaQueries.RequiredTargets;
import nl.herstel.bia.query.GraphViews.AssetRequirement;
import nl.herstel.bia.query.GraphViews.CrownJewelAssets;
import nl.herstel.bia.query.GraphViews.NodeRef;
import nl.herstel.bia.query.GraphViews.PrioritiesView;
import nl.herstel.bia.query.GraphViews.RankedProcess;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.NodeKind;
import org.axonframework.queryhandling.QueryHandler;

/**
 * The recovery priorities (processes ranked by RTO, then impact) and the targets each asset must
 * meet because of the processes that depend on it, answered from the graph snapshot.
 */
public class PriorityRanking {
  private static final Set<AssetKind> IT =
      EnumSet.of(AssetKind.SOFTWARE, AssetKind.HARDWARE, AssetKind.DATA);

  private final GraphSnapshots snapshots;

  public PriorityRanking(GraphSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  @QueryHandler
  public PrioritiesView priorities(Priorities query) {
    GraphSnapshot g = snapshots.current();
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
    GraphSnapshot g = snapshots.current();
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

  private static PrioritiesView computePriorities(GraphSnapshot g) {
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

  private static AssetRequirement requirement(
      GraphSnapshot g, int asset, int rtoFrom, int rpoFrom) {
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
  private static int[] strictest(GraphSnapshot g, List<Integer> ordered) {
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
  private static List<Integer> reach(GraphSnapshot g, int start) {
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
}
