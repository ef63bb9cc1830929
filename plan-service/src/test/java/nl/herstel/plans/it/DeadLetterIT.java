package nl.herstel.plans.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.ServiceClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Poison messages, on the real server with real Kafka and PostgreSQL: a record that keeps failing
 * is set aside as a dead letter (topic, table, health), the partition moves on, and an operator
 * replays it once the cause is fixed or discards it. The mechanism is the platform's, shared by
 * every service; plan-service, which consumes the BIA's events, shows it.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class DeadLetterIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String REGISTERED = "nl.herstel.bia.process-registered.v1";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void anUnreadableRecordIsSetAsideTheNextOneIsAppliedAndTheOperatorDiscardsIt() throws Exception {
    String key = UUID.randomUUID().toString();
    String poisonId = UUID.randomUUID().toString();
    String truncated = "{\"processId\":\"" + key + "\",\"name\":";
    publish(key, truncated.getBytes(StandardCharsets.UTF_8), poisonId);
    String nextId = UUID.randomUUID().toString();
    publish(key, ContractJson.write(process(key, "After the poison")), nextId);

    // the partition moved on: the record behind the poison is applied
    await()
        .atMost(WAIT)
        .until(() -> api.get("/api/plans/coverage/" + key, "auditor").statusCode() == 200);

    JsonNode letter = pendingLetter(poisonId);
    assertThat(letter.get("topic").asText()).isEqualTo("herstel.bia.v1");
    assertThat(letter.get("type").asText()).isEqualTo(REGISTERED);
    assertThat(letter.get("key").asText()).isEqualTo(key);
    assertThat(letter.get("attempts").asInt()).isEqualTo(5);
    assertThat(letter.get("error").asText()).isNotBlank().doesNotContain("nl.herstel.");
    assertThat(letter.get("payload").asText()).startsWith("{\"processId\"");

    List<ConsumerRecord<String, byte[]>> sent =
        ItKafka.awaitRecords(
            "herstel.dead-letters.v1", r -> poisonId.equals(ItKafka.header(r, "ce_id")), WAIT);
    assertThat(sent).hasSize(1);
    assertThat(ItKafka.header(sent.get(0), "herstel_dlt_consumer")).isEqualTo("plan-service");
    assertThat(ItKafka.header(sent.get(0), "herstel_dlt_topic")).isEqualTo("herstel.bia.v1");
    assertThat(ItKafka.header(sent.get(0), "herstel_dlt_error")).isNotBlank();

    JsonNode health = api.json(api.get("/health/ready", "auditor"));
    List<JsonNode> checks = new ArrayList<>();
    health
        .get("checks")
        .forEach(
            c -> {
              if ("dead-letters".equals(c.get("name").asText())) {
                checks.add(c);
              }
            });
    assertThat(checks).hasSize(1);
    assertThat(checks.get(0).get("status").asText()).isEqualTo("UP");
    assertThat(checks.get(0).at("/data/pending").asLong()).isPositive();

    String id = letter.get("id").asText();
    String path = "/api/plans/dead-letters/" + id;
    HttpResponse<String> again = api.post(path + "/replay", "bcm-manager", "");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(api.json(again).get("detail").asText()).startsWith("The dead letter failed again");
    assertThat(api.getJson(path, "auditor").get("attempts").asInt()).isEqualTo(6);

    assertThat(api.post(path + "/replay", "auditor", "").statusCode()).isEqualTo(403);
    assertThat(api.post(path + "/discard", "bcm-manager", "{}").statusCode()).isEqualTo(400);
    HttpResponse<String> discarded =
        api.post(path + "/discard", "bcm-manager", "{\"reason\":\"Sent broken by a test\"}");
    assertThat(discarded.statusCode()).isEqualTo(200);
    assertThat(api.json(discarded).get("status").asText()).isEqualTo("DISCARDED");
    assertThat(api.json(discarded).get("note").asText()).isEqualTo("Sent broken by a test");
    assertThat(api.post(path + "/replay", "bcm-manager", "").statusCode()).isEqualTo(409);
    assertThat(api.get("/api/plans/dead-letters/nope", "auditor").statusCode()).isEqualTo(404);
  }

  @Test
  void aRecordRefusedByTheDatabaseIsReplayedOnceTheCauseIsFixed() throws Exception {
    String processId = UUID.randomUUID().toString();
    String eventId = UUID.randomUUID().toString();
    // a rule the read model holds today, and that will turn out to be wrong
    execute(
        "ALTER TABLE plan_known_process ADD CONSTRAINT it_refuses CHECK (name <> 'Refused today')");
    try {
      publish(processId, ContractJson.write(process(processId, "Refused today")), eventId);

      JsonNode letter = pendingLetter(eventId);
      assertThat(letter.get("error").asText()).contains("it_refuses");
      assertThat(api.get("/api/plans/coverage/" + processId, "auditor").statusCode())
          .isEqualTo(404);

      execute("ALTER TABLE plan_known_process DROP CONSTRAINT it_refuses");
      String path = "/api/plans/dead-letters/" + letter.get("id").asText();
      HttpResponse<String> replayed = api.post(path + "/replay", "bcm-manager", "");
      assertThat(replayed.statusCode()).isEqualTo(200);
      assertThat(api.json(replayed).get("status").asText()).isEqualTo("REPLAYED");
      assertThat(api.json(replayed).get("settledBy").asText()).isNotBlank();
      assertThat(api.get("/api/plans/coverage/" + processId, "auditor").statusCode())
          .isEqualTo(200);
      assertThat(api.post(path + "/replay", "bcm-manager", "").statusCode()).isEqualTo(409);
      assertThat(
              ItDatabase.count("SELECT count(*) FROM inbox_message WHERE message_id = ?", eventId))
          .isEqualTo(1);
      JsonNode replayedList =
          api.getJson("/api/plans/dead-letters?status=REPLAYED&limit=1000", "auditor");
      assertThat(ids(replayedList.get("items"))).contains(letter.get("id").asText());
    } finally {
      execute("ALTER TABLE plan_known_process DROP CONSTRAINT IF EXISTS it_refuses");
    }
  }

  private static void execute(String statement) throws Exception {
    try (var c = ItDatabase.connect()) {
      c.createStatement().execute(statement);
    }
  }

  private JsonNode pendingLetter(String messageId) {
    return await()
        .atMost(WAIT)
        .until(
            () -> {
              JsonNode page =
                  api.getJson("/api/plans/dead-letters?status=PENDING&limit=1000", "auditor");
              for (JsonNode item : page.get("items")) {
                if (messageId.equals(item.path("messageId").asText())) {
                  return item;
                }
              }
              return null;
            },
            item -> item != null);
  }

  private static ProcessRegistered process(String id, String name) {
    return new ProcessRegistered(
        id,
        name,
        null,
        false,
        false,
        null,
        Duration.ofHours(24),
        Duration.ofHours(8),
        Duration.ofHours(1),
        Instant.now());
  }

  private static void publish(String key, byte[] value, String id) {
    ItKafka.publish("herstel.bia.v1", key, value, REGISTERED, id, "urn:herstel:bia-service");
  }

  private static List<String> ids(JsonNode items) {
    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }
}
