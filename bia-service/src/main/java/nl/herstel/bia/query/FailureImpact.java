package nl.herstel.bia.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.bia.api.BiaQueries.AssetImpact;
import nl.herstel.bia.api.BiaQueries.SinglePointsOfFailure;
import nl.herstel.bia.query.GraphViews.AssetImpactView;
import nl.herstel.bia.query.GraphViews.HitProcess;
import nl.herstel.bia.query.GraphViews.NodeRef;
import nl.herstel.bia.query.GraphViews.ProcessRef;
import nl.herstel.bia.query.GraphViews.SinglePointOfFailure;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.platform.rest.Page;
import org.axonframework.queryhandling.QueryHandler;

/**
 * What an asset's failure does to the processes: which fail and which are at risk ({@link
 * #impact}), and the assets whose failure alone disrupts a critical process (single points of
 * failure), answered from the graph snapshot.
 */
public class FailureImpact {
  private final GraphSnapshots snapshots;

  public FailureImpact(GraphSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  /**
   * Which processes fail when one asset fails. Failure travels up the reverse edges: a node fails
   * when, for one of its alternative groups, every dependency in it has failed (a dependency
   * without a group is a group of one). Nodes left with a failed alternative but still running are
   * degraded; the processes that depend on them, directly or not, are at risk.
   */
  @QueryHandler
  public Optional<AssetImpactView> impact(AssetImpact query) {
    GraphSnapshot g = snapshots.current();
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
    hit.sort(GraphSnapshot.byMtpd(g));
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
    atRisk.sort(GraphSnapshot.byMtpd(g));
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
    GraphSnapshot g = snapshots.current();
    List<SinglePointOfFailure> cached = g.singlePointsOfFailure;
    if (cached == null) {
      cached = computeSinglePointsOfFailure(g);
      g.singlePointsOfFailure = cached;
    }
    return Page.window(cached, query.after(), query.limit());
  }

  /**
   * For every node a critical process reaches, the set of nodes it cannot run without: itself, and
   * per alternative group of its dependencies the nodes that every alternative in the group needs
   * (for a group of one: all its dependency needs). An asset in a critical process's set is a
   * single point of failure for it. Sets are bit sets, built children first; in a cycle, a node met
   * again before its set is complete counts as needed by itself only.
   */
  private static List<SinglePointOfFailure> computeSinglePointsOfFailure(GraphSnapshot g) {
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
        critical.sort(GraphSnapshot.byMtpd(g));
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
  private static BitSet needsOf(GraphSnapshot g, int x, BitSet[] needs) {
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

  /**
   * One failure travelling up the graph. {@code next[x]} is the node whose failure made x fail
   * (towards the failed asset; -1 for the asset, -2 for nodes that did not fail).
   */
  private static final class Failure {
    final GraphSnapshot g;
    final int[] next;
    final int[] failedInGroup;
    final List<Integer> failed = new ArrayList<>();
    final List<Integer> degraded = new ArrayList<>();

    Failure(GraphSnapshot g) {
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
}
