package nl.herstel.plans.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What changed between two versions of a plan: every leaf of the document that differs, with its
 * path, its value before and after. A list whose elements carry an {@code id} is compared by id
 * ({@code scenarioCards[ransomware].steps[step-2].title}), so inserting an element does not show
 * every later one as changed; other lists are compared by position.
 */
@Schema(description = "The differences between two versions of a plan")
public record PlanDiff(String planId, int from, int to, List<Change> changes) {

  /**
   * One difference.
   *
   * @param path where, e.g. {@code callTree[0].contactId}
   * @param before the value in {@code from}; absent when it was added
   * @param after the value in {@code to}; absent when it was removed
   */
  @Schema(description = "One changed value")
  public record Change(String path, JsonNode before, JsonNode after) {}

  /** The differences between two documents. */
  public static List<Change> between(JsonNode before, JsonNode after) {
    List<Change> changes = new ArrayList<>();
    compare("", before, after, changes);
    return changes;
  }

  private static void compare(String path, JsonNode a, JsonNode b, List<Change> changes) {
    boolean aMissing = a == null || a.isNull() || a.isMissingNode();
    boolean bMissing = b == null || b.isNull() || b.isMissingNode();
    if (aMissing && bMissing) {
      return;
    }
    if (!aMissing && !bMissing && a.isObject() && b.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        compare(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), changes);
      }
      return;
    }
    if (!aMissing && !bMissing && a.isArray() && b.isArray()) {
      if (keyed(a) && keyed(b)) {
        Set<String> ids = new LinkedHashSet<>();
        a.forEach(e -> ids.add(e.get("id").asText()));
        b.forEach(e -> ids.add(e.get("id").asText()));
        for (String id : ids) {
          compare(path + "[" + id + "]", byId(a, id), byId(b, id), changes);
        }
      } else {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
          compare(path + "[" + i + "]", a.get(i), b.get(i), changes);
        }
      }
      return;
    }
    if (aMissing || bMissing || !a.equals(b)) {
      changes.add(new Change(path, aMissing ? null : a, bMissing ? null : b));
    }
  }

  private static boolean keyed(JsonNode array) {
    if (array.isEmpty()) {
      return true;
    }
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      JsonNode e = it.next();
      if (!e.isObject() || !e.hasNonNull("id") || !e.get("id").isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode byId(JsonNode array, String id) {
    for (JsonNode e : array) {
      if (id.equals(e.get("id").asText())) {
        return e;
      }
    }
    return null;
  }
}
