package nl.herstel.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.herstel.gateway.config.Routes;
import nl.herstel.platform.rest.JsonProvider;

/**
 * One OpenAPI document for the whole public API: the services' own documents (MicroProfile OpenAPI
 * at {@code /openapi}) merged into one.
 *
 * <ul>
 *   <li>It is OpenAPI 3.0.3, the version every service's document is written in (MicroProfile
 *       OpenAPI 3.1 on Liberty): declaring 3.1 over 3.0 content ({@code nullable}) would be untrue,
 *       and client generators and validators support 3.0 best.
 *   <li>Every kind of component is kept (schemas, responses, parameters, examples, request bodies,
 *       headers, security schemes, links, callbacks). A name two services use for different content
 *       is prefixed with the later service's name ({@code PlansCreated}) and that service's
 *       references follow it; the same name with the same content is shared.
 *   <li>Security: a bearer JWT on every operation; the SOC intake also takes an intake API key
 *       ({@code X-Api-Key}). The server is the gateway.
 * </ul>
 *
 * Cached for a short while; a service that is down is left out and named in {@code
 * x-herstel-unavailable}.
 */
@ApplicationScoped
public class MergedOpenApi {
  /** The OpenAPI version of the merged document (and of every service's document). */
  public static final String VERSION = "3.0.3";

  /** The components sections that are merged, each a map of name to component. */
  static final List<String> COMPONENTS =
      List.of(
          "schemas",
          "responses",
          "parameters",
          "examples",
          "requestBodies",
          "headers",
          "securitySchemes",
          "links",
          "callbacks");

  static final String BEARER = "bearer";
  static final String INTAKE_KEY = "intakeKey";
  private static final String INTAKE_PATH = "/api/incidents/intake";
  private static final Duration CACHE = Duration.ofSeconds(30);

  @Inject Routes routes;

  private final ObjectMapper mapper = JsonProvider.MAPPER;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();
  private JsonNode cached;
  private Instant cachedAt = Instant.EPOCH;

  /** The merged document, its server the gateway at {@code publicBase} (scheme, host, port). */
  public JsonNode document(URI publicBase) {
    return withServer(cached(), publicBase);
  }

  /** A copy of the merged document whose one server is the gateway at {@code publicBase}. */
  static ObjectNode withServer(JsonNode merged, URI publicBase) {
    ObjectNode document = merged.deepCopy();
    ArrayNode servers = document.putArray("servers");
    servers
        .addObject()
        .put("url", publicBase.toString().replaceAll("/+$", ""))
        .put("description", "The Herstel gateway");
    return document;
  }

  private synchronized JsonNode cached() {
    if (cached == null || Instant.now().isAfter(cachedAt.plus(CACHE))) {
      Map<String, JsonNode> documents = new LinkedHashMap<>();
      for (Map.Entry<String, URI> route : routes.all().entrySet()) {
        documents.put(route.getKey(), fetch(route.getValue()));
      }
      cached = merge(documents);
      cachedAt = Instant.now();
    }
    return cached;
  }

  /** Merges the services' documents, by service name; a null document is a service that is down. */
  ObjectNode merge(Map<String, JsonNode> documents) {
    ObjectNode merged = mapper.createObjectNode();
    merged.put("openapi", VERSION);
    ObjectNode info = merged.putObject("info");
    info.put("title", "Herstel API");
    info.put("version", "1");
    info.put(
        "description",
        "Recovery from cyber incidents the NCSC way: BIA, recovery plans, incidents and lessons."
            + " Every endpoint needs a bearer token (the SOC intake also takes an intake API key);"
            + " errors are RFC 9457 problem details.");
    merged.putArray("servers").addObject().put("url", "/");
    ArrayNode tags = merged.putArray("tags");
    ObjectNode paths = merged.putObject("paths");
    ObjectNode components = merged.putObject("components");
    COMPONENTS.forEach(components::putObject);
    ArrayNode unavailable = mapper.createArrayNode();
    Set<String> tagNames = new HashSet<>();

    for (Map.Entry<String, JsonNode> service : documents.entrySet()) {
      if (service.getValue() == null) {
        unavailable.add(service.getKey());
        continue;
      }
      JsonNode document = withUniqueComponents(service.getKey(), service.getValue(), components);
      for (String kind : COMPONENTS) {
        document
            .path("components")
            .path(kind)
            .fields()
            .forEachRemaining(
                c -> ((ObjectNode) components.get(kind)).set(c.getKey(), c.getValue()));
      }
      document.path("paths").fields().forEachRemaining(p -> paths.set(p.getKey(), p.getValue()));
      document
          .path("tags")
          .forEach(
              tag -> {
                if (tagNames.add(tag.path("name").asText())) {
                  tags.add(tag);
                }
              });
    }
    secure(components, paths);
    merged.putArray("security").addObject().putArray(BEARER);
    COMPONENTS.forEach(
        kind -> {
          if (components.get(kind).isEmpty()) {
            components.remove(kind);
          }
        });
    if (!unavailable.isEmpty()) {
      merged.set("x-herstel-unavailable", unavailable);
    }
    return merged;
  }

  /**
   * The service's document with each component whose name the merged document already uses for
   * other content renamed (service name in front), and every reference to it rewritten. Renaming
   * one component may change another that refers to it, so this repeats until nothing changes.
   */
  private JsonNode withUniqueComponents(String service, JsonNode document, ObjectNode merged) {
    JsonNode current = document;
    Map<String, String> renamed = new LinkedHashMap<>();
    while (true) {
      Map<String, String> more = new LinkedHashMap<>();
      for (String kind : COMPONENTS) {
        JsonNode existing = merged.path(kind);
        current
            .path("components")
            .path(kind)
            .fields()
            .forEachRemaining(
                c -> {
                  JsonNode other = existing.get(c.getKey());
                  if (other != null && !other.equals(c.getValue())) {
                    String ref = "#/components/" + kind + "/";
                    String unique = unique(service, c.getKey(), existing);
                    more.put(ref + c.getKey(), ref + unique);
                  }
                });
      }
      more.keySet().removeAll(renamed.keySet());
      if (more.isEmpty()) {
        return current;
      }
      current = rename(current, more);
      renamed.putAll(more);
    }
  }

  private static String unique(String service, String name, JsonNode existing) {
    String prefix = Character.toUpperCase(service.charAt(0)) + service.substring(1);
    String candidate = prefix + name;
    int n = 2;
    while (existing.has(candidate)) {
      candidate = prefix + name + n++;
    }
    return candidate;
  }

  /** The document with the components renamed (keys) and every {@code $ref} to them rewritten. */
  private JsonNode rename(JsonNode document, Map<String, String> refs) {
    String text = document.toString();
    for (Map.Entry<String, String> ref : refs.entrySet()) {
      text = text.replace("\"" + ref.getKey() + "\"", "\"" + ref.getValue() + "\"");
    }
    ObjectNode result = (ObjectNode) read(text);
    ObjectNode components = (ObjectNode) result.path("components");
    for (Map.Entry<String, String> ref : refs.entrySet()) {
      String[] from = ref.getKey().split("/");
      String[] to = ref.getValue().split("/");
      ObjectNode section = (ObjectNode) components.get(from[2]);
      ObjectNode reordered = mapper.createObjectNode();
      section
          .fields()
          .forEachRemaining(
              c -> reordered.set(c.getKey().equals(from[3]) ? to[3] : c.getKey(), c.getValue()));
      components.set(from[2], reordered);
    }
    return result;
  }

  /**
   * The security schemes of the public door: a bearer JWT everywhere, and on the SOC intake an
   * intake API key as an alternative.
   */
  private void secure(ObjectNode components, ObjectNode paths) {
    ObjectNode schemes = (ObjectNode) components.get("securitySchemes");
    schemes
        .putObject(BEARER)
        .put("type", "http")
        .put("scheme", "bearer")
        .put("bearerFormat", "JWT")
        .put("description", "A JWT from the organisation's identity provider, aud = herstel");
    schemes
        .putObject(INTAKE_KEY)
        .put("type", "apiKey")
        .put("in", "header")
        .put("name", "X-Api-Key")
        .put(
            "description",
            "A per-source SOC intake key (hik_…), issued at POST /api/incidents/intake-keys;"
                + " only on the intake");
    paths
        .fields()
        .forEachRemaining(
            path -> {
              if (path.getKey().equals(INTAKE_PATH)
                  || path.getKey().startsWith(INTAKE_PATH + "/")) {
                JsonNode post = path.getValue().path("post");
                if (post.isObject()) {
                  ArrayNode security = ((ObjectNode) post).putArray("security");
                  security.addObject().putArray(BEARER);
                  security.addObject().putArray(INTAKE_KEY);
                }
              }
            });
  }

  private JsonNode read(String json) {
    try {
      return mapper.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
}
