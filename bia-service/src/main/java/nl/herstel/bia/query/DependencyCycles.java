package nl.herstel.bia.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import nl.herstel.bia.api.BiaQueries.FindCycles;
import nl.herstel.bia.query.GraphViews.Cycle;
import nl.herstel.bia.query.GraphViews.NodeRef;
import org.axonframework.queryhandling.QueryHandler;

/** The cycles in the dependency graph (strongly connected components of more than one node). */
public class DependencyCycles {
  private final GraphSnapshots snapshots;

  public DependencyCycles(GraphSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  @QueryHandler
  public List<Cycle> cycles(FindCycles query) {
    GraphSnapshot g = snapshots.current();
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
}
