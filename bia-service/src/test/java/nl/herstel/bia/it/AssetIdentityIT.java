package nl.herstel.bia.it;

import static nl.herstel.devstack.testing.ItKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.bia.IdentifierKind;
import nl.herstel.contracts.incidents.AssetHintMapped;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.ServiceClient;
import nl.herstel.devstack.testing.TestInfrastructure;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Asset identity on the deployed bia-service: unique names regardless of case, identifiers that
 * belong to one asset even under concurrent requests, their CSV export and import, their contract
 * events, and hints mapped by incident-service becoming identifiers.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class AssetIdentityIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();
  private final HttpClient http = HttpClient.newHttpClient();

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aNameDifferingOnlyInCaseIsAConflictNamingNameAndStoresNothing() throws Exception {
    String name = unique("Mail-Server");
    api.createdId(api.post("/api/bia/assets", "bcm-manager", asset(name)));
    long before = ItDatabase.count("SELECT count(*) FROM domainevententry");

    var duplicate =
        api.post("/api/bia/assets", "bcm-manager", asset(" " + name.toUpperCase() + " "));

    assertThat(duplicate.statusCode()).isEqualTo(409);
    JsonNode problem = api.json(duplicate);
    assertThat(problem.get("type").asText()).isEqualTo("https://herstel.nl/problems/conflict");
    assertThat(problem.get("errors")).hasSize(1);
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("name");
    assertThat(ItDatabase.count("SELECT count(*) FROM domainevententry")).isEqualTo(before);
  }

  @Test
  void concurrentRegistrationsOfOneNameStoreExactlyOneAsset() throws Exception {
    String name = unique("race");
    HttpClient http1 =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Integer>> attempts = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        String spelled = i % 2 == 0 ? name : name.toUpperCase();
        attempts.add(
            () ->
                http1
                    .send(
                        HttpRequest.newBuilder(uri("/api/bia/assets"))
                            .timeout(Duration.ofSeconds(60))
                            .header(
                                "Authorization",
                                "Bearer " + TestInfrastructure.get().token("bcm-manager"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(asset(spelled)))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .statusCode());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> status : pool.invokeAll(attempts)) {
        statuses.add(status.get());
      }
      assertThat(statuses).hasSize(6);
      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            ItDatabase.count(
                "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%$AssetRegistered'"
                    + " AND convert_from(payload, 'UTF8') ILIKE ?",
                "%\"" + name + "\"%"))
        .isEqualTo(1);
  }

  @Test
  void aRefusedRegistrationLeavesItsNameFree() {
    String taken = unique("taken-host");
    api.createdId(
        api.post(
            "/api/bia/assets",
            "bcm-manager",
            "{\"name\":\""
                + unique("holder")
                + "\",\"kind\":\"HARDWARE\","
                + "\"identifiers\":[{\"kind\":\"HOSTNAME\",\"value\":\""
                + taken
                + "\"}]}"));
    String name = unique("newcomer");
    var refused =
        api.post(
            "/api/bia/assets",
            "bcm-manager",
            "{\"name\":\""
                + name
                + "\",\"kind\":\"HARDWARE\","
                + "\"identifiers\":[{\"value\":\""
                + taken.toUpperCase()
                + "\"}]}");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(api.json(refused).get("errors").get(0).get("field").asText())
        .isEqualTo("identifiers[0].value");

    assertThat(api.post("/api/bia/assets", "bcm-manager", asset(name)).statusCode()).isEqualTo(201);
  }

  @Test
  void identifiersAreAddedInNormalFormBelongToOneAssetAndAreRemovedByIdOrValue() throws Exception {
    String fqdn = unique("web") + ".Prod.Example.NL";
    String assetId =
        api.createdId(
            api.post(
                "/api/bia/assets",
                "bcm-manager",
                """
                {"name":"%s","kind":"SOFTWARE","identifiers":[
                  {"kind":"FQDN","value":"%s"},{"value":"10.%d.0.0/16"}]}"""
                    .formatted(unique("Web shop"), fqdn, (int) (Math.random() * 200))));
    JsonNode asset =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.getJson("/api/bia/assets/" + assetId, "auditor"),
                a -> a != null && a.get("identifiers").size() == 2);
    assertThat(asset.get("identifiers").get(0).get("value").asText()).isEqualTo(fqdn.toLowerCase());
    assertThat(asset.get("identifiers").get(1).get("kind").asText()).isEqualTo("CIDR");
    String cidr = asset.get("identifiers").get(1).get("value").asText();

    var added =
        api.post(
            "/api/bia/assets/" + assetId + "/identifiers",
            "bcm-manager",
            "{\"kind\":\"IP_ADDRESS\",\"value\":\"2001:DB8:0:0:0:0:0:" + randomHex() + "\"}");
    assertThat(added.statusCode()).isEqualTo(201);
    JsonNode identifier = api.json(added);
    assertThat(identifier.get("value").asText()).startsWith("2001:db8::");
    assertThat(added.headers().firstValue("Location").orElseThrow())
        .endsWith(
            "/api/bia/assets/"
                + assetId
                + "/identifiers/"
                + identifier.get("identifierId").asText());

    var again =
        api.post(
            "/api/bia/assets/" + assetId + "/identifiers",
            "bcm-manager",
            "{\"value\":\"" + identifier.get("value").asText().toUpperCase() + "\"}");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(api.json(again).get("identifierId")).isEqualTo(identifier.get("identifierId"));

    String other = api.createdId(api.post("/api/bia/assets", "bcm-manager", asset(unique("db"))));
    var taken =
        api.post(
            "/api/bia/assets/" + other + "/identifiers",
            "bcm-manager",
            "{\"value\":\"" + fqdn.toUpperCase() + "\"}");
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(api.json(taken).get("errors").get(0).get("field").asText()).isEqualTo("value");
    assertThat(api.json(taken).get("detail").asText()).contains(assetId);

    var notOfItsKind =
        api.post(
            "/api/bia/assets/" + other + "/identifiers",
            "bcm-manager",
            "{\"kind\":\"CIDR\",\"value\":\"10.1.2.3/8\"}");
    assertThat(notOfItsKind.statusCode()).isEqualTo(422);
    assertThat(api.json(notOfItsKind).get("errors").get(0).get("field").asText())
        .isEqualTo("value");

    assertThat(
            delete(
                "/api/bia/assets/"
                    + assetId
                    + "/identifiers/"
                    + identifier.get("identifierId").asText()))
        .isEqualTo(204);
    assertThat(
            delete(
                "/api/bia/assets/"
                    + assetId
                    + "/identifiers?value="
                    + URLEncoder.encode(cidr, StandardCharsets.UTF_8)))
        .isEqualTo(204);
    assertThat(delete("/api/bia/assets/" + assetId + "/identifiers?value=nowhere")).isEqualTo(404);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> api.getJson("/api/bia/assets/" + assetId, "auditor").get("identifiers").size(),
            size -> size == 1);

    var free =
        api.post(
            "/api/bia/assets/" + other + "/identifiers",
            "bcm-manager",
            "{\"value\":\"" + cidr + "\"}");
    assertThat(free.statusCode()).isEqualTo(201);

    List<String> published = new ArrayList<>();
    ItKafka.awaitRecords(
            "herstel.bia.v1",
            r -> {
              String type = header(r, "ce_type");
              return assetId.equals(r.key())
                  && "nl.herstel.bia.asset-identifier-removed.v1".equals(type)
                  && new String(r.value(), StandardCharsets.UTF_8).contains(cidr);
            },
            Duration.ofSeconds(30))
        .forEach(r -> published.add(new String(r.value(), StandardCharsets.UTF_8)));
    assertThat(published).hasSize(1);
    assertThat(ContractJson.mapper().readTree(published.get(0)).get("kind").asText())
        .isEqualTo("CIDR");
  }

  @Test
  void identifiersExportAndImportAsCsv() throws Exception {
    String name = unique("Payroll app");
    String assetId = api.createdId(api.post("/api/bia/assets", "bcm-manager", asset(name)));
    String host = unique("payroll");
    var imported =
        send(
            HttpRequest.newBuilder(uri("/api/bia/import/asset-identifiers.csv"))
                .header("Content-Type", "text/csv")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "assetName,kind,value\r\n"
                            + "\""
                            + name.toUpperCase()
                            + "\",HOSTNAME,"
                            + host
                            + "\r\n"
                            + name
                            + ",,CMDB-"
                            + host
                            + "\r\n"
                            + "no such asset,ALIAS,x\r\n"
                            + name
                            + ",IP_ADDRESS,300.1.1.1\r\n")));
    assertThat(imported.statusCode()).isEqualTo(200);
    JsonNode answer = api.json(imported);
    assertThat(answer.get("accepted")).hasSize(2);
    assertThat(answer.get("rejected")).hasSize(2);
    assertThat(answer.get("rejected").get(0).get("line").asInt()).isEqualTo(4);
    assertThat(answer.get("rejected").get(1).get("errors").get(0).get("field").asText())
        .isEqualTo("value");

    String csv =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> api.get("/api/bia/export/asset-identifiers.csv", "auditor").body(),
                body -> body.contains("cmdb-" + host));
    assertThat(csv).startsWith("assetId,assetName,identifierId,kind,value\r\n");
    assertThat(csv).contains(assetId + "," + name + ",").contains(",HOSTNAME," + host + "\r\n");
    assertThat(api.get("/api/bia/export/assets.csv", "auditor").body())
        .contains("HOSTNAME:" + host);
  }

  @Test
  void aHintMappedByIncidentServiceBecomesAnIdentifierOnce() throws Exception {
    String assetId =
        api.createdId(api.post("/api/bia/assets", "bcm-manager", asset(unique("crm"))));
    String host = unique("crm-host");
    String mappingId = UUID.randomUUID().toString();
    byte[] mapping =
        ContractJson.write(
            new AssetHintMapped(
                mappingId,
                host.toUpperCase(),
                assetId,
                IdentifierKind.HOSTNAME,
                host,
                "dev-incident-commander",
                Instant.now()));
    for (int delivery = 0; delivery < 2; delivery++) {
      ItKafka.publish(
          "herstel.incidents.v1",
          mappingId,
          mapping,
          "nl.herstel.incidents.asset-hint-mapped.v1",
          UUID.randomUUID().toString(),
          "/herstel/incident-service");
    }

    JsonNode asset =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> api.getJson("/api/bia/assets/" + assetId, "auditor"),
                a -> a != null && a.get("identifiers").size() == 1);
    assertThat(asset.get("identifiers").get(0).get("value").asText()).isEqualTo(host);
    ItKafka.awaitRecords(
        "herstel.bia.v1",
        r ->
            assetId.equals(r.key())
                && "nl.herstel.bia.asset-identifier-added.v1".equals(header(r, "ce_type")),
        Duration.ofSeconds(30));
    assertThat(
            ItDatabase.count(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?"
                    + " AND payloadtype LIKE '%$AssetIdentifierAdded'",
                assetId))
        .isEqualTo(1);
  }

  private int delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE()).statusCode();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request
              .header("Authorization", "Bearer " + TestInfrastructure.get().token("bcm-manager"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static URI uri(String path) {
    return URI.create("http://localhost:" + System.getProperty("herstel.it.http.port") + path);
  }

  private static String randomHex() {
    return Integer.toHexString(1 + (int) (Math.random() * 0xfffe));
  }

  private static String asset(String name) {
    return "{\"name\":\"" + name + "\",\"kind\":\"SOFTWARE\"}";
  }
}
