package nl.herstel.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an OpenAPI document must hold for integrators to generate a client from it: every operation
 * has a unique operationId, a summary and a description, at least one 4xx answer, and every body it
 * takes or gives a real schema (no bare {@code {"type":"object"}}, no array without {@code items},
 * no 2xx answer with a body but no schema). Used by the services' ITs on their own {@code /openapi}
 * and by the e2e suite on the gateway's merged document.
 */
public final class OpenApiRules {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private OpenApiRules() {}

  /**
   * The rules the document breaks, one line each, naming the operation ({@code METHOD path
   * operationId}); empty when it keeps them all.
   */
  public static List<String> violations(JsonNode document) {
    List<String> found = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    JsonNode schemas = document.path("components").path("schemas");
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        operation -> {
                          if (METHODS.contains(operation.getKey())) {
                            check(
                                operation.getKey().toUpperCase() + " " + path.getKey(),
                                operation.getValue(),
                                schemas,
                                ids,
                                found);
                          }
                        }));
    return found;
  }

  /** How many operations the document has. */
  public static int operations(JsonNode document) {
    int[] count = {0};
    document
        .path("paths")
        .forEach(
            item ->
                item.fieldNames().forEachRemaining(m -> count[0] += METHODS.contains(m) ? 1 : 0));
    return count[0];
  }

  private static void check(
      String where,
      JsonNode operation,
      JsonNode schemas,
      Map<String, String> ids,
      List<String> out) {
    String id = operation.path("operationId").asText("");
    String name = where + " " + (id.isEmpty() ? "(no operationId)" : id);
    if (id.isEmpty()) {
      out.add(name + ": no operationId");
    } else if (ids.putIfAbsent(id, where) != null) {
      out.add(name + ": operationId also used by " + ids.get(id));
    }
    if (operation.path("summary").asText("").isBlank()) {
      out.add(name + ": no summary");
    }
    if (operation.path("description").asText("").isBlank()) {
      out.add(name + ": no description");
    }
    boolean clientError = false;
    var responses = operation.path("responses").fields();
    while (responses.hasNext()) {
      var response = responses.next();
      String status = response.getKey();
      clientError |= status.startsWith("4");
      JsonNode content = response.getValue().path("content");
      if (status.startsWith("2") && !status.equals("204") && content.isEmpty()) {
        out.add(name + ": answer " + status + " declares no body");
      }
      content
          .fields()
          .forEachRemaining(
              media ->
                  checkSchema(
                      name + ": answer " + status + " " + media.getKey(),
                      media.getValue().path("schema"),
                      schemas,
                      new HashSet<>(),
                      out));
    }
    if (!clientError) {
      out.add(name + ": no 4xx answer");
    }
    operation
        .path("requestBody")
        .path("content")
        .fields()
        .forEachRemaining(
            media ->
                checkSchema(
                    name + ": request " + media.getKey(),
                    media.getValue().path("schema"),
                    schemas,
                    new HashSet<>(),
                    out));
  }

  private static void checkSchema(
      String where, JsonNode schema, JsonNode schemas, Set<String> seen, List<String> out) {
    if (schema.isMissingNode() || schema.isEmpty()) {
      out.add(where + ": no schema");
      return;
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      String component = ref.substring(ref.lastIndexOf('/') + 1);
      if (seen.add(component)) {
        JsonNode target = schemas.path(component);
        if (target.isMissingNode()) {
          out.add(where + ": unknown schema " + ref);
        } else {
          checkSchema(where + " > " + component, target, schemas, seen, out);
        }
      }
      return;
    }
    for (String combined : List.of("allOf", "oneOf", "anyOf")) {
      schema.path(combined).forEach(s -> checkSchema(where, s, schemas, seen, out));
    }
    String type = typeOf(schema);
    if ("array".equals(type)) {
      if (!schema.has("items")) {
        out.add(where + ": array without items");
      } else {
        checkSchema(where + "[]", schema.get("items"), schemas, seen, out);
      }
    }
    if ("object".equals(type)
        && !schema.has("properties")
        && !schema.has("additionalProperties")
        && !schema.has("allOf")
        && !schema.has("oneOf")
        && !schema.has("anyOf")) {
      out.add(where + ": an object without properties");
    }
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            p -> checkSchema(where + "." + p.getKey(), p.getValue(), schemas, seen, out));
    JsonNode additional = schema.path("additionalProperties");
    if (additional.isObject() && !additional.isEmpty()) {
      checkSchema(where + ".*", additional, schemas, seen, out);
    }
  }

  /** The schema's type; OpenAPI 3.1 allows a list such as {@code ["object", "null"]}. */
  private static String typeOf(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equals(t.asText())) {
          return t.asText();
        }
      }
    }
    return type.asText("");
  }
}
