package nl.herstel.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The rendered objects of one kustomization, looked up by kind and name. */
record Manifests(String overlay, List<ObjectNode> objects) {
  private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

  /** {@code base}, {@code overlays/dev} or {@code overlays/prod}, rendered once per test run. */
  static Manifests of(String overlay) {
    return RENDERED.computeIfAbsent(
        overlay, o -> new Manifests(o, Kustomize.render(Repository.k8s().resolve(o))));
  }

  List<ObjectNode> all(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  ObjectNode one(String kind, String name) {
    return all(kind).stream()
        .filter(o -> name.equals(o.path("metadata").path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(overlay + " has no " + kind + " " + name));
  }

  boolean has(String kind, String name) {
    return all(kind).stream().anyMatch(o -> name.equals(o.path("metadata").path("name").asText()));
  }

  @Override
  public String toString() {
    return overlay;
  }
}
