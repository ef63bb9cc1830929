package nl.herstel.bia.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.herstel.bia.query.GraphViews.NodeRef;
import nl.herstel.bia.query.GraphViews.PrioritiesView;
import nl.herstel.bia.query.GraphViews.SinglePointOfFailure;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.NodeKind;

/** An immutable, array-backed copy of the graph's active nodes and their edges. */
final class GraphSnapshot {
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

  private GraphSnapshot(Builder b, long version) {
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

  /** Processes by MTPD, then RTO, then name. */
  static Comparator<Integer> byMtpd(GraphSnapshot g) {
    return Comparator.<Integer, Duration>comparing(p -> g.mtpd[p])
        .thenComparing(p -> g.rto[p])
        .thenComparing(p -> g.name[p]);
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
     * An edge; edges of one node with the same alternative group share a group id, every other edge
     * gets one of its own.
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

    GraphSnapshot build(long version) {
      return new GraphSnapshot(this, version);
    }
  }
}
