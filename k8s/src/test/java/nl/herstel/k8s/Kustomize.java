package nl.herstel.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the part of kustomize that
 * Herstel's manifests use, so that the build checks them on a machine without kustomize: {@code
 * resources} (files and directories holding a kustomization), {@code namespace}, {@code patches}
 * (strategic-merge patches, matched by the patch's kind and name or by a {@code target} kind and
 * optional name; a {@code null} removes a field, lists are replaced) and {@code images} ({@code
 * newName}, {@code newTag}). Any other field of a kustomization is refused rather than ignored;
 * {@code KustomizationTest} compares the result with kubectl's where kubectl is installed.
 */
final class Kustomize {
  static final YAMLMapper YAML = new YAMLMapper();

  private static final Set<String> SUPPORTED =
      Set.of("apiVersion", "kind", "namespace", "resources", "patches", "images");

  private Kustomize() {}

  /** The objects the kustomization in {@code dir} produces, in the order of its resources. */
  static List<ObjectNode> render(Path dir) {
    JsonNode kustomization = readAll(dir.resolve("kustomization.yaml")).get(0);
    kustomization
        .fieldNames()
        .forEachRemaining(
            field -> {
              if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(
                    dir + "/kustomization.yaml uses '" + field + "', which Kustomize does not do");
              }
            });
    List<ObjectNode> objects = new ArrayList<>();
    for (JsonNode resource : kustomization.path("resources")) {
      Path path = dir.resolve(resource.asText()).normalize();
      objects.addAll(Files.isDirectory(path) ? render(path) : readAll(path));
    }
    for (JsonNode patch : kustomization.path("patches")) {
      applyPatch(dir, patch, objects);
    }
    for (JsonNode image : kustomization.path("images")) {
      objects.forEach(o -> setImage(o, image));
    }
    if (kustomization.hasNonNull("namespace")) {
      String namespace = kustomization.get("namespace").asText();
      objects.forEach(o -> ((ObjectNode) o.get("metadata")).put("namespace", namespace));
    }
    return objects;
  }

  /** Every non-empty YAML document in {@code file}, as objects. */
  static List<ObjectNode> readAll(Path file) {
    List<ObjectNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc instanceof ObjectNode object && !object.isEmpty()) {
          docs.add(object);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return docs;
  }

  private static void applyPatch(Path dir, JsonNode spec, List<ObjectNode> objects) {
    List<ObjectNode> patches = readAll(dir.resolve(spec.path("path").asText()));
    if (patches.size() != 1) {
      throw new IllegalArgumentException(spec + ": a patch file holds exactly one patch");
    }
    ObjectNode patch = patches.get(0);
    JsonNode target = spec.path("target");
    String kind =
        target.isMissingNode() ? patch.path("kind").asText() : target.path("kind").asText();
    String name =
        target.isMissingNode()
            ? patch.path("metadata").path("name").asText()
            : target.path("name").asText(null);
    ObjectNode body = patch.deepCopy();
    body.remove(List.of("apiVersion", "kind", "metadata"));
    int matched = 0;
    for (ObjectNode object : objects) {
      if (kind.equals(object.path("kind").asText())
          && (name == null || name.equals(object.path("metadata").path("name").asText()))) {
        merge(object, body);
        matched++;
      }
    }
    if (matched == 0) {
      throw new IllegalArgumentException(spec + " matches no object");
    }
  }

  /** A strategic merge as kustomize does it for the patches used here. */
  private static void merge(ObjectNode into, ObjectNode patch) {
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      JsonNode existing = into.get(field.getKey());
      if (value.isNull()) {
        into.remove(field.getKey());
      } else if (value instanceof ObjectNode object && existing instanceof ObjectNode target) {
        merge(target, object);
      } else {
        into.set(field.getKey(), value.deepCopy());
      }
    }
  }

  private static void setImage(ObjectNode object, JsonNode image) {
    JsonNode podSpec = object.path("spec").path("template").path("spec");
    for (String list : List.of("initContainers", "containers")) {
      if (!(podSpec.path(list) instanceof ArrayNode containers)) {
        continue;
      }
      for (JsonNode container : containers) {
        String current = container.path("image").asText();
        int colon = current.lastIndexOf(':');
        String repository = colon > 0 ? current.substring(0, colon) : current;
        String tag = colon > 0 ? current.substring(colon + 1) : null;
        if (!repository.equals(image.path("name").asText())) {
          continue;
        }
        String newRepository = image.path("newName").asText(repository);
        String newTag = image.path("newTag").asText(tag);
        ((ObjectNode) container)
            .put("image", newTag == null ? newRepository : newRepository + ":" + newTag);
      }
    }
  }
}
