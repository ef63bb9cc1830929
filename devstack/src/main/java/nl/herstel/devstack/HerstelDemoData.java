package nl.herstel.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo organisation, the municipality of Zuiderveen, loaded through the gateway like any client
 * would, with tokens of the roles its people hold. The story is data ({@code
 * demo/zuiderveen.json}): the BIA (assets with identifiers, processes, dependencies, threats), then
 * steps, each one call of the public API, that draw up the plans and backups and play two
 * incidents: one closed weeks ago, evaluated, and one a few hours old with its clocks running.
 * Times are relative to the moment of loading ({@code ${t:-21d+30h}}, days {@code ${day:+30d}}),
 * ids of what an earlier step created are named ({@code ${asset:san-01}}).
 *
 * <p>Each finished step is written to a journal in the data directory with the ids it learned, so a
 * load that stopped half-way carries on where it stopped and never creates anything twice; the
 * marker {@code demo-data.loaded} ends it. A refused call stops the load with the problem the API
 * answered: a demo that half-loads silently is worse than none.
 */
public final class HerstelDemoData implements DemoDataLoader {
  private static final System.Logger LOG = System.getLogger(HerstelDemoData.class.getName());
  static final String STORY = "demo/zuiderveen.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern OFFSET = Pattern.compile("([+-]?)(\\d+)([dhm])");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Override
  public void load(Devstack running) {
    if (!running
        .options()
        .services()
        .containsAll(ServiceSpec.all(running.ports()).stream().map(ServiceSpec::name).toList())) {
      return;
    }
    load(running, running.options().dataDir());
  }

  /**
   * Loads the story into the running devstack unless the marker in {@code dataDir} says it was;
   * carries on after the last step of the journal there.
   *
   * @return the named ids the story created (processes, assets, plans, incidents …)
   */
  public Map<String, String> load(Devstack running, Path dataDir) {
    Path marker = dataDir.resolve("demo-data.loaded");
    Path journal = dataDir.resolve("demo-data.journal");
    long start = System.nanoTime();
    Run run = new Run(running, journal, story());
    if (Files.exists(marker)) {
      return run.refs;
    }
    run.all();
    try {
      Files.writeString(marker, "loaded\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.log(
        System.Logger.Level.INFO,
        "demo data loaded: {0} in {1} ms ({2} steps)",
        run.story.path("organisation").asText(),
        (System.nanoTime() - start) / 1_000_000,
        run.steps.size());
    return run.refs;
  }

  static JsonNode story() {
    try (InputStream in = HerstelDemoData.class.getClassLoader().getResourceAsStream(STORY)) {
      if (in == null) {
        throw new IllegalStateException("demo data: " + STORY + " is not on the class path");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The steps of a story: its BIA sections first (assets, processes, dependencies, threats with
   * their impacts), then its own steps, in order.
   */
  static List<ObjectNode> steps(JsonNode story) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<ObjectNode> steps = new ArrayList<>();
    for (JsonNode asset : story.path("assets")) {
      steps.add(
          step("POST /api/bia/assets", "bcm-manager", asset)
              .put("ref", "asset:" + asset.get("name").asText()));
    }
    for (JsonNode process : story.path("processes")) {
      ObjectNode body = process.deepCopy();
      String key = body.remove("key").asText();
      ArrayNode supportedBy = f.arrayNode();
      body.path("supportedBy").forEach(a -> supportedBy.add("${asset:" + a.asText() + "}"));
      body.set("supportedBy", supportedBy);
      JsonNode impacts = body.remove("impacts");
      steps.add(step("POST /api/bia/processes", "bcm-manager", body).put("ref", "process:" + key));
      if (impacts != null) {
        steps.add(
            step(
                "PUT /api/bia/processes/${process:" + key + "}/impacts",
                "bcm-manager",
                f.objectNode().set("ratings", impacts)));
      }
    }
    for (JsonNode dependency : story.path("dependencies")) {
      ObjectNode body =
          f.objectNode()
              .put("fromId", "${" + dependency.get("from").asText() + "}")
              .put("toId", "${" + dependency.get("to").asText() + "}");
      if (dependency.has("alternativeGroup")) {
        body.set("alternativeGroup", dependency.get("alternativeGroup"));
      }
      steps.add(step("POST /api/bia/dependencies", "bcm-manager", body));
    }
    for (JsonNode threat : story.path("threats")) {
      ObjectNode body = threat.deepCopy();
      String key = body.remove("key").asText();
      JsonNode impacts = body.remove("impacts");
      steps.add(step("POST /api/bia/threats", "bcm-manager", body).put("ref", "threat:" + key));
      for (Iterator<Map.Entry<String, JsonNode>> it = impacts.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> impact = it.next();
        steps.add(
            step(
                "PUT /api/bia/threats/${threat:"
                    + key
                    + "}/impacts/${process:"
                    + impact.getKey()
                    + "}",
                "bcm-manager",
                f.objectNode().set("impact", impact.getValue())));
      }
    }
    story.path("steps").forEach(s -> steps.add((ObjectNode) s));
    return steps;
  }

  private static ObjectNode step(String call, String as, JsonNode body) {
    ObjectNode step = JsonNodeFactory.instance.objectNode().put("call", call).put("as", as);
    step.set("body", body);
    return step;
  }

  /** One load: the story's steps, the ids learned so far, the journal. */
  private final class Run {
    final Devstack running;
    final Path journal;
    final JsonNode story;
    final List<ObjectNode> steps;
    final Map<String, String> refs = new LinkedHashMap<>();
    final Map<String, String> tokens = new HashMap<>();
    final Set<String> done;
    final Instant now;

    Run(Devstack running, Path journal, JsonNode story) {
      this.running = running;
      this.journal = journal;
      this.story = story;
      this.steps = steps(story);
      this.done = new java.util.HashSet<>();
      Instant started = Instant.now().truncatedTo(ChronoUnit.MINUTES);
      try {
        if (Files.exists(journal)) {
          for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            JsonNode entry = JSON.readTree(line);
            if (entry.has("now")) {
              started = Instant.parse(entry.get("now").asText());
            } else {
              done.add(entry.get("step").asText());
              entry
                  .path("refs")
                  .fields()
                  .forEachRemaining(e -> refs.put(e.getKey(), e.getValue().asText()));
            }
          }
        } else {
          write(JSON.createObjectNode().put("now", started.toString()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      this.now = started;
    }

    void all() {
      for (int i = 0; i < steps.size(); i++) {
        ObjectNode step = steps.get(i);
        String key = i + " " + step.get("call").asText();
        if (done.contains(key)) {
          continue;
        }
        Map<String, String> learned = run(step);
        refs.putAll(learned);
        ObjectNode entry = JSON.createObjectNode().put("step", key);
        ObjectNode saved = entry.putObject("refs");
        learned.forEach(saved::put);
        write(entry);
      }
    }

    private void write(JsonNode entry) {
      try {
        Files.writeString(
            journal,
            JSON.writeValueAsString(entry) + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Runs one step (retrying while another service has not learned yet) and returns its ids. */
    private Map<String, String> run(ObjectNode step) {
      String[] call = step.get("call").asText().split(" ", 2);
      String method = call[0];
      String path = resolve(call[1]);
      String as = step.path("as").asText("bcm-manager");
      JsonNode body = step.has("body") ? resolve(step.get("body").deepCopy()) : null;
      boolean patient =
          step.path("retry").asBoolean(false) || step.has("until") || step.has("find");
      Instant giveUp = Instant.now().plus(PATIENCE);
      while (true) {
        HttpResponse<String> response = send(method, path, token(as), body);
        int status = response.statusCode();
        if (status / 100 == 2) {
          JsonNode answer = parse(response.body());
          Map<String, String> learned = learn(step, answer, response);
          if (learned != null) {
            return learned;
          }
        } else if (!patient || status == 401 || status == 403 || status >= 500) {
          throw refused(step, method, path, response);
        }
        if (Instant.now().isAfter(giveUp)) {
          if (status / 100 == 2) {
            throw new IllegalStateException(
                "demo data: "
                    + step.path("note").asText(method + " " + path)
                    + " — "
                    + method
                    + " "
                    + path
                    + " still shows no "
                    + step.path("until").toString()
                    + step.path("find").toString()
                    + " after "
                    + PATIENCE.toSeconds()
                    + " s");
          }
          throw refused(step, method, path, response);
        }
        pause();
      }
    }

    /** The ids a successful answer names, or null when the step waits for more. */
    private Map<String, String> learn(
        ObjectNode step, JsonNode answer, HttpResponse<String> response) {
      Map<String, String> learned = new LinkedHashMap<>();
      if (step.has("until")) {
        String text = answer.toString();
        for (JsonNode wanted : step.get("until")) {
          if (!text.contains(resolve(wanted.asText()))) {
            return null;
          }
        }
      }
      JsonNode found =
          step.has("find")
              ? find(answer, (ObjectNode) resolve(step.get("find").deepCopy()))
              : answer;
      if (found == null) {
        return null;
      }
      if (step.has("ref")) {
        learned.put(step.get("ref").asText(), id(found, response));
      }
      step.path("save")
          .fields()
          .forEachRemaining(
              e -> {
                JsonNode value = found.at(e.getValue().asText());
                if (value.isMissingNode() || value.isNull()) {
                  throw new IllegalStateException(
                      "demo data: "
                          + step.get("call")
                          + " answered no "
                          + e.getValue()
                          + ": "
                          + answer);
                }
                learned.put(e.getKey(), value.asText());
              });
      return learned;
    }

    private String token(String as) {
      return tokens.computeIfAbsent(
          as,
          a -> {
            String[] roleAndName = a.split(":", 2);
            String name =
                roleAndName.length == 2
                    ? roleAndName[1]
                    : story.path("people").path(a).asText("dev-" + a);
            return running.jwt().mint(name, Set.of(roleAndName[0]), Duration.ofHours(1));
          });
    }

    private String resolve(String text) {
      Matcher m = PLACEHOLDER.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1))));
      }
      return m.appendTail(out).toString();
    }

    private JsonNode resolve(JsonNode node) {
      return map(node, this::resolve);
    }

    private String value(String name) {
      if (name.startsWith("t:")) {
        return shift(now, name.substring(2)).toString();
      }
      if (name.startsWith("day:")) {
        return LocalDate.ofInstant(shift(now, name.substring(4)), ZoneOffset.UTC).toString();
      }
      String id = refs.get(name);
      if (id == null) {
        throw new IllegalStateException("demo data: no step made " + name + " before it is used");
      }
      return id;
    }

    private HttpResponse<String> send(String method, String path, String token, JsonNode body) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(running.gatewayUrl() + path))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .header("Accept", "application/json");
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      request.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body.toString()));
      try {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException("demo data: " + method + " " + path, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * An instant moved by offsets such as {@code -21d+30h}; a term without a sign takes the one
   * before it ({@code -2h30m} is two and a half hours back).
   */
  static Instant shift(Instant from, String offsets) {
    Instant at = from;
    boolean back = false;
    Matcher m = OFFSET.matcher(offsets);
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      back = m.group(1).isEmpty() ? back : m.group(1).equals("-");
      long amount = Long.parseLong(m.group(2)) * (back ? -1 : 1);
      at =
          at.plus(
              amount,
              switch (m.group(3)) {
                case "d" -> ChronoUnit.DAYS;
                case "h" -> ChronoUnit.HOURS;
                default -> ChronoUnit.MINUTES;
              });
      end = m.end();
    }
    if (end != offsets.length()) {
      throw new IllegalArgumentException("demo data: bad time offset " + offsets);
    }
    return at;
  }

  /**
   * The first item of a list answer (a bare array or a Page's items) that has every field given.
   */
  static JsonNode find(JsonNode answer, ObjectNode where) {
    JsonNode items = answer.isArray() ? answer : answer.path("items");
    for (JsonNode item : items) {
      boolean all = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = where.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        all &= item.path(field.getKey()).asText().equals(field.getValue().asText());
      }
      if (all) {
        return item;
      }
    }
    return null;
  }

  private static String id(JsonNode answer, HttpResponse<String> response) {
    for (String field :
        List.of(
            "itemId",
            "obligationId",
            "decisionId",
            "taskId",
            "communicationId",
            "id",
            "incidentId")) {
      if (answer.hasNonNull(field)) {
        return answer.get(field).asText();
      }
    }
    String location = response.headers().firstValue("Location").orElse("");
    if (!location.isEmpty()) {
      return location.substring(location.lastIndexOf('/') + 1);
    }
    throw new IllegalStateException("demo data: no id in " + response.body());
  }

  private static JsonNode map(JsonNode node, UnaryOperator<String> text) {
    if (node.isTextual()) {
      return TextNode.valueOf(text.apply(node.asText()));
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      object.fields().forEachRemaining(e -> e.setValue(map(e.getValue(), text)));
      return object;
    }
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, map(array.get(i), text));
      }
    }
    return node;
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return TextNode.valueOf(body);
    }
  }

  private static IllegalStateException refused(
      JsonNode step, String method, String path, HttpResponse<String> response) {
    String detail = response.body();
    JsonNode problem = parse(detail);
    if (problem.has("detail")) {
      detail = problem.get("detail").asText() + " " + problem.path("errors");
    }
    return new IllegalStateException(
        "demo data: "
            + step.path("note").asText(method + " " + path)
            + " — "
            + method
            + " "
            + path
            + " answered "
            + response.statusCode()
            + ": "
            + detail);
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
