package nl.herstel.incidents.it;

import static nl.herstel.devstack.testing.ItKafka.header;
import static nl.herstel.devstack.testing.ItKafka.producer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.AssetIdentifierAdded;
import nl.herstel.contracts.bia.AssetIdentifiers;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.DependencyAdded;
import nl.herstel.contracts.bia.IdentifierKind;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.ServiceClient;
import nl.herstel.incidents.query.AssetResolver;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.jdbc.Sql;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The resolution rule, the unresolved queue, hints that resolve themselves when the BIA learns them
 * (with deadlines from the original disruption), and hints mapped by hand, on the deployed
 * incident-service against real PostgreSQL and Kafka.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class AssetResolutionIT {
  private static final String INTAKE = "/api/incidents/intake";
  private static final String QUEUE = "/api/incidents/unresolved-assets";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  /** An asset supporting a process with an RTO of 8 h and an MTPD of 24 h, in the BIA copy. */
  private record Supported(String assetId, String name, String processId) {}

  private Supported supportedAsset(String name) throws Exception {
    String assetId = UUID.randomUUID().toString();
    String processId = UUID.randomUUID().toString();
    String dependencyId = UUID.randomUUID().toString();
    Instant at = Instant.now();
    produce(
        new AssetRegistered(assetId, name, AssetKind.SOFTWARE, null, at),
        new ProcessRegistered(
            processId,
            "Process of " + name,
            null,
            true,
            false,
            null,
            Duration.ofHours(24),
            Duration.ofHours(8),
            null,
            at),
        new DependencyAdded(
            dependencyId, processId, NodeKind.PROCESS, assetId, NodeKind.ASSET, at));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ItDatabase.count(
                            "SELECT count(*) FROM bia_copy_dependency WHERE dependency_id = ?",
                            dependencyId)
                        == 1
                    && ItDatabase.count(
                            "SELECT count(*) FROM bia_copy_process WHERE process_id = ?"
                                + " AND name IS NOT NULL",
                            processId)
                        == 1);
    return new Supported(assetId, name, processId);
  }

  private void identify(String assetId, IdentifierKind kind, String value) throws Exception {
    String identifierId = UUID.randomUUID().toString();
    produce(new AssetIdentifierAdded(assetId, identifierId, kind, value, Instant.now()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ItDatabase.count(
                        "SELECT count(*) FROM bia_copy_identifier WHERE identifier_id = ?",
                        identifierId)
                    == 1);
  }

  @Test
  void theOneRuleMatchesIdentifiersNamesTagsAddressesInRangesAndShortNames() throws Exception {
    String s = UUID.randomUUID().toString().substring(0, 8);
    Supported shop = supportedAsset("Web shop " + s);
    identify(shop.assetId(), IdentifierKind.FQDN, "shop-" + s + ".corp.example.nl");
    identify(shop.assetId(), IdentifierKind.CIDR, "10.77.0.0/16");
    identify(
        shop.assetId(),
        IdentifierKind.IP_ADDRESS,
        AssetIdentifiers.normalize(IdentifierKind.IP_ADDRESS, "2001:db8::" + s.substring(0, 4)));
    identify(
        shop.assetId(),
        IdentifierKind.CLOUD_RESOURCE_ID,
        "arn:aws:ec2:eu-west-1:123456789012:instance/i-" + s);
    Supported db = supportedAsset("Shop db " + s);
    identify(db.assetId(), IdentifierKind.CIDR, "10.77.5.0/24");
    identify(db.assetId(), IdentifierKind.HOSTNAME, "shopdb-" + s);

    List<String> hints =
        List.of(
            "SHOP-" + s,
            "asset:web SHOP " + s,
            "10.77.9.9",
            "2001:0DB8:0:0:0:0:0:" + s.substring(0, 4),
            "ARN:aws:ec2:eu-west-1:123456789012:instance/i-" + s.toUpperCase(),
            "shopdb-" + s + ".other.example.nl",
            "10.77.5.200");
    assertThat(hints).hasSize(7);
    for (String hint : hints) {
      JsonNode answer = report("RULE-" + UUID.randomUUID(), hint, Instant.now());
      assertThat(answer.get("unresolvedAssets")).as(hint).isEmpty();
    }
    JsonNode cidrAlert = report("RULE-" + UUID.randomUUID(), "10.77.5.200", Instant.now());
    JsonNode incident = awaitIncident(cidrAlert.get("incidentId").asText());
    assertThat(incident.get("assets").toString()).contains(db.assetId());

    JsonNode unknown = report("RULE-" + UUID.randomUUID(), "asset:no-such-" + s, Instant.now());
    assertThat(unknown.get("unresolvedAssets").get(0).asText()).isEqualTo("asset:no-such-" + s);
  }

  @Test
  void anAlertOnAnUnknownHostResolvesWhenTheBiaLearnsItWithDeadlinesFromTheDisruption()
      throws Exception {
    String s = UUID.randomUUID().toString().substring(0, 8);
    String fqdn = "pos-" + s + ".shops.example.nl";
    Instant detected = Instant.now().minus(10, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> posted =
        api.post(
            INTAKE + "/elastic",
            "soc-intake",
            """
            {"kibana.alert.uuid":"el-%s","kibana.alert.rule.name":"Ransomware on a till",
             "kibana.alert.severity":"critical","kibana.alert.original_time":"%s",
             "host":{"name":"%s","ip":["192.0.2.%d"]}}"""
                .formatted(s, detected, fqdn, 1 + (int) (Math.random() * 250)));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    JsonNode answer = api.json(posted);
    assertThat(answer.get("unresolvedAssets").get(0).asText()).isEqualTo(fqdn);
    String incidentId = answer.get("incidentId").asText();
    assertThat(awaitIncident(incidentId).get("affectedProcesses")).isEmpty();

    JsonNode queued =
        await().atMost(Duration.ofSeconds(30)).until(() -> queued(fqdn), q -> q != null);
    assertThat(queued.get("alerts").asInt()).isEqualTo(1);
    assertThat(queued.get("incidents")).hasSize(1);
    assertThat(queued.get("incidents").get(0).get("incidentId").asText()).isEqualTo(incidentId);

    Supported till = supportedAsset("Till " + s);
    identify(till.assetId(), IdentifierKind.HOSTNAME, "pos-" + s);

    JsonNode resolved =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> awaitIncident(incidentId), i -> i.get("affectedProcesses").size() == 1);
    JsonNode process = resolved.get("affectedProcesses").get(0);
    assertThat(process.get("processId").asText()).isEqualTo(till.processId());
    assertThat(Instant.parse(process.get("rtoDeadline").asText()))
        .isEqualTo(detected.plus(8, ChronoUnit.HOURS));
    assertThat(Instant.parse(process.get("mtpdDeadline").asText()))
        .isEqualTo(detected.plus(24, ChronoUnit.HOURS));
    assertThat(historyOf(incidentId, "UnresolvedAssetResolved")).hasSize(1);
    List<JsonNode> breaches =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> historyOf(incidentId, "RecoveryDeadlineBreached"), b -> !b.isEmpty());
    assertThat(breaches).hasSize(1);
    assertThat(breaches.get(0).get("data").get("kind").asText()).isEqualTo("RTO");
    await().atMost(Duration.ofSeconds(30)).until(() -> queued(fqdn) == null);
  }

  @Test
  void anIncidentCommanderMapsAHintThroughTheBia() throws Exception {
    String s = UUID.randomUUID().toString().substring(0, 8);
    String hint = "LEGACY-" + s;
    JsonNode answer = report("MAP-" + s, hint, Instant.now().minusSeconds(60));
    String incidentId = answer.get("incidentId").asText();
    await().atMost(Duration.ofSeconds(30)).until(() -> queued(hint) != null);
    Supported legacy = supportedAsset("Legacy ERP " + s);

    HttpResponse<String> unknownHint =
        api.post(
            QUEUE + "/mappings",
            "incident-commander",
            "{\"hint\":\"never-seen-" + s + "\",\"assetId\":\"" + legacy.assetId() + "\"}");
    assertThat(unknownHint.statusCode()).isEqualTo(404);
    assertThat(api.json(unknownHint).get("errors").get(0).get("field").asText()).isEqualTo("hint");
    HttpResponse<String> unknownAsset =
        api.post(
            QUEUE + "/mappings",
            "incident-commander",
            "{\"hint\":\"" + hint + "\",\"assetId\":\"no-such-asset\"}");
    assertThat(unknownAsset.statusCode()).isEqualTo(404);
    assertThat(api.json(unknownAsset).get("errors").get(0).get("field").asText())
        .isEqualTo("assetId");
    assertThat(
            api.post(QUEUE + "/mappings", "soc-intake", "{\"hint\":\"x\",\"assetId\":\"y\"}")
                .statusCode())
        .isEqualTo(403);

    HttpResponse<String> mapped =
        api.post(
            QUEUE + "/mappings",
            "incident-commander",
            "{\"hint\":\"" + hint.toLowerCase() + "\",\"assetId\":\"" + legacy.assetId() + "\"}");
    assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(202);
    JsonNode mapping = api.json(mapped);
    assertThat(mapping.get("kind").asText()).isEqualTo("HOSTNAME");
    assertThat(mapping.get("value").asText()).isEqualTo("legacy-" + s);
    String mappingId = mapping.get("mappingId").asText();

    List<ConsumerRecord<String, byte[]>> published =
        ItKafka.awaitRecords(
            "herstel.incidents.v1",
            r ->
                mappingId.equals(r.key())
                    && "nl.herstel.incidents.asset-hint-mapped.v1".equals(header(r, "ce_type")),
            Duration.ofSeconds(30));
    assertThat(published).hasSize(1);
    JsonNode event = ContractJson.mapper().readTree(published.get(0).value());
    assertThat(event.get("assetId").asText()).isEqualTo(legacy.assetId());
    assertThat(event.get("mappedBy").asText()).endsWith("incident-commander");

    identify(legacy.assetId(), IdentifierKind.HOSTNAME, event.get("value").asText());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> awaitIncident(incidentId).get("affectedProcesses").size() == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> queued(hint) == null);
  }

  @Test
  void aMergedIncidentsHintsMoveToTheIncidentThatAbsorbedIt() throws Exception {
    String s = UUID.randomUUID().toString().substring(0, 8);
    String hint = "merged-host-" + s;
    String survivor =
        report("MERGE-A-" + s, "other-host-" + s, Instant.now()).get("incidentId").asText();
    String merged = report("MERGE-B-" + s, hint, Instant.now()).get("incidentId").asText();
    await().atMost(Duration.ofSeconds(30)).until(() -> queued(hint) != null);
    awaitIncident(survivor);

    HttpResponse<String> merge =
        api.post(
            "/api/incidents/" + survivor + "/merge",
            "incident-commander",
            "{\"otherIncidentId\":\"" + merged + "\",\"reason\":\"same attack\"}");
    assertThat(merge.statusCode()).as(merge.body()).isLessThan(300);

    JsonNode moved =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> queued(hint),
                q ->
                    q.get("incidents").size() == 1
                        && survivor.equals(q.get("incidents").get(0).get("incidentId").asText()));
    assertThat(moved.get("alerts").asInt()).isEqualTo(1);
  }

  @Test
  void theQueueIsPagedNewestFirst() throws Exception {
    String s = UUID.randomUUID().toString().substring(0, 8);
    List<String> hints = List.of("page-a-" + s, "page-b-" + s, "page-c-" + s);
    assertThat(hints).hasSize(3);
    for (String hint : hints) {
      report("PAGE-" + UUID.randomUUID(), hint, Instant.now());
      await().atMost(Duration.ofSeconds(30)).until(() -> queued(hint) != null);
    }
    JsonNode first = api.ok(api.get(QUEUE + "?limit=2", "auditor"));
    assertThat(first.get("items")).hasSize(2);
    assertThat(first.get("items").get(0).get("hint").asText()).isEqualTo(hints.get(2));
    assertThat(first.get("items").get(1).get("hint").asText()).isEqualTo(hints.get(1));
    assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(3);
    String next = first.get("next").asText();
    assertThat(next).contains("cursor=").contains("limit=2");
    JsonNode second = api.ok(api.get(next.substring(next.indexOf("/api/")), "auditor"));
    assertThat(second.get("items").get(0).get("hint").asText()).isEqualTo(hints.get(0));
    assertThat(api.get(QUEUE + "?limit=0", "auditor").statusCode()).isEqualTo(400);
    assertThat(api.get(QUEUE + "?cursor=!!!", "auditor").statusCode()).isEqualTo(400);
  }

  /**
   * The rule stays an index lookup at 50,000 identifiers: loads 10,000 assets with five identifiers
   * each straight into the copy, then times lookups of every kind (the figure goes to the README)
   * and checks the plans use the indexes.
   */
  @Test
  void resolvesAmongFiftyThousandIdentifiersByIndex() throws Exception {
    String run = "b" + UUID.randomUUID().toString().substring(0, 6);
    try (Connection c = ItDatabase.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO bia_copy_asset (asset_id, name, kind) SELECT '"
              + run
              + "-' || g, 'Bench "
              + run
              + " ' || g, 'SOFTWARE' FROM generate_series(1, 10000) g");
      s.execute(
          "INSERT INTO bia_copy_identifier (asset_id, identifier_id, kind, value, host_label,"
              + " network) SELECT '"
              + run
              + "-' || g, k.kind, k.kind, CASE k.kind"
              + " WHEN 'HOSTNAME' THEN '"
              + run
              + "-host-' || g"
              + " WHEN 'FQDN' THEN '"
              + run
              + "-web-' || g || '.bench.example'"
              + " WHEN 'IP_ADDRESS' THEN '172.16.' || (g / 256) || '.' || (g % 256)"
              + " WHEN 'CIDR' THEN '11.' || (g / 256) || '.' || (g % 256) || '.0/24'"
              + " ELSE '"
              + run
              + " alias ' || g END,"
              + " CASE k.kind WHEN 'FQDN' THEN '"
              + run
              + "-web-' || g END,"
              + " CASE k.kind WHEN 'CIDR' THEN ('11.' || (g / 256) || '.' || (g % 256)"
              + " || '.0/24')::cidr END"
              + " FROM generate_series(1, 10000) g, (VALUES ('HOSTNAME'), ('FQDN'),"
              + " ('IP_ADDRESS'), ('CIDR'), ('ALIAS')) AS k (kind)");
      s.execute("ANALYZE bia_copy_asset");
      s.execute("ANALYZE bia_copy_identifier");
      assertThat(
              ItDatabase.count(
                  "SELECT count(*) FROM bia_copy_identifier WHERE asset_id LIKE ?", run + "-%"))
          .isEqualTo(50_000);

      // The rule runs on the platform's Sql; one transaction keeps every lookup on one connection.
      PGSimpleDataSource direct = new PGSimpleDataSource();
      direct.setURL(c.getMetaData().getURL());
      direct.setUser(c.getMetaData().getUserName());
      direct.setPassword(System.getenv().getOrDefault("HERSTEL_TEST_DB_PASSWORD", ""));
      JdbcTransactions transactions = new JdbcTransactions(direct);
      Sql sql = new Sql(transactions);
      List<Long> nanos = new ArrayList<>();
      transactions.inTransaction(
          () -> {
            for (int i = 0; i < 400; i++) {
              int g = 1 + (i * 97) % 10000;
              String hint =
                  switch (i % 5) {
                    case 0 -> run + "-HOST-" + g;
                    case 1 -> run + "-web-" + g;
                    case 2 -> "11." + g / 256 + "." + g % 256 + ".77";
                    case 3 -> run + "-host-" + g + ".elsewhere.example";
                    default -> "Bench " + run + " " + g;
                  };
              long start = System.nanoTime();
              AssetResolver.Match match = AssetResolver.resolve(sql, hint);
              nanos.add(System.nanoTime() - start);
              assertThat(match.asset()).as(hint).isNotNull();
              assertThat(match.asset().assetId()).as(hint).isEqualTo(run + "-" + g);
            }
            return null;
          });
      assertThat(nanos).hasSize(400);
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      double p50 = sorted[sorted.length / 2] / 1e6;
      double p99 = sorted[(int) (sorted.length * 0.99)] / 1e6;
      System.out.printf(
          "Resolution among 50,000 identifiers: p50 %.2f ms, p99 %.2f ms per hint%n", p50, p99);
      assertThat(p50).isLessThan(20.0);

      for (String plan :
          List.of(
              "SELECT a.asset_id FROM bia_copy_asset a JOIN bia_copy_identifier i"
                  + " ON i.asset_id = a.asset_id WHERE NOT a.retired AND i.network IS NOT NULL"
                  + " AND i.network >>= '11.3.4.5'::inet ORDER BY masklen(i.network) DESC LIMIT 1",
              "SELECT asset_id FROM bia_copy_identifier WHERE value = '" + run + "-host-5'",
              "SELECT asset_id FROM bia_copy_identifier WHERE host_label = '" + run + "-web-5'",
              "SELECT asset_id FROM bia_copy_asset WHERE lower(name) = 'bench " + run + " 5'")) {
        StringBuilder explained = new StringBuilder();
        try (ResultSet r = s.executeQuery("EXPLAIN " + plan)) {
          while (r.next()) {
            explained.append(r.getString(1)).append('\n');
          }
        }
        assertThat(explained.toString())
            .as(plan)
            .contains("Index")
            .doesNotContain("Seq Scan on bia_copy_identifier");
      }
    }
  }

  private JsonNode report(String sourceId, String hint, Instant detectedAt) {
    HttpResponse<String> response =
        api.post(
            INTAKE,
            "soc-intake",
            """
            {"source":"resolution-it","sourceId":"%s","title":"Alert on %s","severity":"HIGH",
             "assets":["%s"],"detectedAt":"%s"}"""
                .formatted(sourceId, hint, hint, detectedAt));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return api.json(response);
  }

  private JsonNode queued(String hint) {
    JsonNode page = api.ok(api.get(QUEUE + "?limit=1000", "auditor"));
    for (JsonNode item : page.get("items")) {
      if (item.get("hint").asText().equalsIgnoreCase(hint)) {
        return item;
      }
    }
    return null;
  }

  private JsonNode awaitIncident(String incidentId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.getJson("/api/incidents/" + incidentId, "auditor"), i -> i != null);
  }

  private List<JsonNode> historyOf(String incidentId, String type) {
    List<JsonNode> found = new ArrayList<>();
    api.items("/api/incidents/" + incidentId + "/history", "auditor")
        .forEach(
            entry -> {
              if (type.equals(entry.get("type").asText())) {
                found.add(entry);
              }
            });
    return found;
  }

  private static void produce(IntegrationEvent... events) throws Exception {
    assertThat(Arrays.asList(events)).isNotEmpty();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (IntegrationEvent event : events) {
        ProducerRecord<String, byte[]> record =
            new ProducerRecord<>("herstel.bia.v1", event.subject(), ContractJson.write(event));
        Map.of(
                "ce_id", UUID.randomUUID().toString(),
                "ce_type", EventTypes.of(event.getClass()).type(),
                "ce_source", "urn:herstel:bia-service",
                "ce_specversion", "1.0",
                "ce_time", event.occurredAt().toString())
            .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
      }
    }
  }
}
