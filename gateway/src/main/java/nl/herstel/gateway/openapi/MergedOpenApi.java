package nl.herstel.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import nl.herstel.gateway.config.Routes;
import nl.herstel.platform.rest.JsonProvider;

/**
 * One OpenAPI document for the whole public API: the services' own documents (MicroProfile OpenAPI
 * at {@code /openapi}) merged into one. Paths are already unique per service; a component schema
 * name used by two services with different content is prefixed with the service name. Cached for a
 * short while; a service that is down is left out and named in {@code x-herstel-unavailable}.
 */
@ApplicationScoped
public class MergedOpenApi {
  private static final Duration CACHE = Duration.ofSeconds(30);

  @Inject Routes routes;

  private final ObjectMapper mapper = JsonProvider.MAPPER;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private JsonNode cached;
  private Instant cachedAt = Instant.EPOCH;

  public synchronized JsonNode document() {
    if (cached == null || Instant.now().isAfter(cachedAt.plus(CACHE))) {
      cached = merge();
      cachedAt = Instant.now();
    }
    return cached;
  }

  private JsonNode merge() {
    ObjectNode merged = mapper.createObjectNode();
    merged.put("openapi", "3.1.0");
    ObjectNode info = merged.putObject("info");
    info.put("title", "Herstel API");
    info.put("version", "1");
    info.put(
        "description",
        "Recovery from cyber incidents the NCSC way: BIA, recovery plans, incidents and lessons."
            + " Every endpoint needs a bearer token; errors are RFC 9457 problem details.");
    merged.putArray("servers").addObject().put("url", "/");
    ObjectNode paths = merged.putObject("paths");
    ObjectNode components = merged.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    ObjectNode securitySchemes = components.putObject("securitySchemes");
    ObjectNode bearer = securitySchemes.putObject("bearer");
    bearer.put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
    merged.putArray("security").addObject().putArray("bearer");
    ArrayNode tags = merged.putArray("tags");
    ArrayNode unavailable = mapper.createArrayNode();
    Set<String> tagNames = new HashSet<>();

    for (Map.Entry<String, URI> route : routes.all().entrySet()) {
      JsonNode document = fetch(route.getValue());
      if (document == null) {
        unavailable.add(route.getKey());
        continue;
      }
      String service = route.getKey();
      ObjectNode renamed =
          renameConflicts(service, document.path("components").path("schemas"), schemas);
      String text = document.path("paths").toString();
      for (Map.Entry<String, JsonNode> entry : renamedRefs(text, renamed)) {
        paths.set(entry.getKey(), entry.getValue());
      }
      document
          .path("tags")
          .forEach(
              tag -> {
                if (tagNames.add(tag.path("name").asText())) {
                  tags.add(tag);
                }
              });
    }
    if (!unavailable.isEmpty()) {
      merged.set("x-herstel-unavailable", unavailable);
    }
    return merged;
  }

  /** Adds a service's schemas; returns old-name → new-name for the ones that had to be renamed. */
  private ObjectNode renameConflicts(String service, JsonNode serviceSchemas, ObjectNode schemas) {
    ObjectNode renamed = mapper.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = serviceSchemas.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> schema = fields.next();
      String name = schema.getKey();
      JsonNode existing = schemas.get(name);
      if (existing != null && !existing.equals(schema.getValue())) {
        String unique = capitalise(service) + name;
        renamed.put(name, unique);
        name = unique;
      }
      schemas.set(name, schema.getValue());
    }
    if (!renamed.isEmpty()) {
      String text = schemas.toString();
      ObjectNode rewritten = (ObjectNode) read(rewrite(text, renamed));
      schemas.removeAll();
      schemas.setAll(rewritten);
    }
    return renamed;
  }

  private Iterable<Map.Entry<String, JsonNode>> renamedRefs(String pathsJson, ObjectNode renamed) {
    JsonNode paths = read(rewrite(pathsJson, renamed));
    return paths::fields;
  }

  private static String rewrite(String json, ObjectNode renamed) {
    String result = json;
    Iterator<Map.Entry<String, JsonNode>> entries = renamed.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      result =
          result.replace(
              "\"#/components/schemas/" + entry.getKey() + "\"",
              "\"#/components/schemas/" + entry.getValue().asText() + "\"");
    }
    return result;
  }

  private JsonNode read(String json) {
    try {
      return mapper.readTree(json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode fetch(URI base) {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/openapi"))
                  .header("Accept", "application/json")
                  .timeout(Duration.ofSeconds(5))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? mapper.readTree(response.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
