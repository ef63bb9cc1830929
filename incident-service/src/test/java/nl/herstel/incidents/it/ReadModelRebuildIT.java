package nl.herstel.incidents.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ServiceClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A read model is rebuilt from the event store while the service keeps answering (platform {@code
 * ReadModels}): its processor replays every stored event into its cleared tables; processors with
 * effects outside their tables are never replayed.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class ReadModelRebuildIT {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final String ADMIN = "/api/incidents/admin/read-models";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  private Map<String, JsonNode> readModels() {
    HttpResponse<String> list = api.get(ADMIN, "auditor");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode items = api.json(list).get("items");
    assertThat(items.size()).isGreaterThan(5);
    Map<String, JsonNode> byName = new HashMap<>();
    items.forEach(item -> byName.put(item.get("name").asText(), item));
    return byName;
  }

  @Test
  void theIncidentReadModelIsRebuiltFromTheEventsAndTheServiceKeepsAnswering() {
    String sourceId = UUID.randomUUID().toString();
    HttpResponse<String> opened =
        api.post(
            "/api/incidents/intake",
            "soc-intake",
            ("{\"source\":\"rebuild-it\",\"sourceId\":\"%s\",\"title\":\"Before the rebuild\","
                    + "\"severity\":\"HIGH\",\"assets\":[\"host-%s\"]}")
                .formatted(sourceId, sourceId));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(202);
    String id = api.json(opened).get("incidentId").asText();
    await()
        .atMost(WAIT)
        .until(() -> api.get("/api/incidents/" + id, "auditor").statusCode() == 200);

    Map<String, JsonNode> before = readModels();
    assertThat(before.get("incident-read-model").get("rebuildable").asBoolean()).isTrue();
    assertThat(before.get("kafka-publisher").get("rebuildable").asBoolean()).isFalse();
    assertThat(before.get("incident-live-feed").get("rebuildable").asBoolean()).isFalse();
    assertThat(before.get("incident-read-model").get("position").asLong()).isPositive();

    HttpResponse<String> started =
        api.post(ADMIN + "/incident-read-model/rebuild", "bcm-manager", "");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    String path = URI.create(location).getPath();
    assertThat(path).startsWith(ADMIN + "/rebuilds/");
    JsonNode rebuild = api.json(started);
    assertThat(rebuild.get("group").asText()).isEqualTo("incident-read-model");
    assertThat(rebuild.get("eventsToReplay").asLong()).isPositive();

    // the service keeps answering while it replays
    assertThat(api.get("/api/incidents", "auditor").statusCode()).isEqualTo(200);

    await()
        .atMost(WAIT)
        .until(
            () -> api.json(api.get(path, "auditor")).get("status").asText(),
            s -> !s.equals("RUNNING"));
    JsonNode done = api.json(api.get(path, "auditor"));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.get("eventsReplayed").asLong()).isEqualTo(done.get("eventsToReplay").asLong());
    assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
    System.out.println("Rebuild of incident-read-model: " + done);

    JsonNode view = api.json(api.get("/api/incidents/" + id, "auditor"));
    assertThat(view.get("title").asText()).isEqualTo("Before the rebuild");
    assertThat(
            api.get("/api/incidents/" + id, "auditor")
                .headers()
                .firstValue("Herstel-Read-Model-Rebuilding"))
        .isEmpty();
  }

  @Test
  void processorsWithEffectsUnknownNamesAndAuditorsAreRefused() {
    HttpResponse<String> publisher =
        api.post(ADMIN + "/kafka-publisher/rebuild", "bcm-manager", "");
    assertThat(publisher.statusCode()).as(publisher.body()).isEqualTo(409);
    assertThat(publisher.headers().firstValue("Content-Type").orElseThrow())
        .contains("application/problem+json");
    assertThat(api.json(publisher).get("detail").asText()).contains("never replayed");

    HttpResponse<String> unknown = api.post(ADMIN + "/no-such-model/rebuild", "bcm-manager", "");
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type").orElseThrow())
        .contains("application/problem+json");

    HttpResponse<String> auditor = api.post(ADMIN + "/incident-read-model/rebuild", "auditor", "");
    assertThat(auditor.statusCode()).isEqualTo(403);

    HttpResponse<String> noRebuild = api.get(ADMIN + "/rebuilds/" + UUID.randomUUID(), "auditor");
    assertThat(noRebuild.statusCode()).isEqualTo(404);
  }
}
