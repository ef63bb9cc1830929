package nl.herstel.plans.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.AssetRetired;
import nl.herstel.contracts.bia.DependencyAdded;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.bia.ProcessRetired;
import nl.herstel.contracts.bia.RecoveryTargetsSet;
import nl.herstel.contracts.bia.SupplierTerms;
import nl.herstel.contracts.bia.TargetSource;
import nl.herstel.contracts.bia.ThreatLikelihoodChanged;
import nl.herstel.contracts.bia.ThreatRegistered;
import nl.herstel.contracts.plans.PlanPublished;
import nl.herstel.contracts.plans.PlanReviewDue;
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
 * The recovery plan's content, lifecycle, versions and diff, its review flags from BIA events, the
 * system inventory and network documents, on the real server against real PostgreSQL and Kafka.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class PlanLifecycleIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  private static String fullPlan(String processId, String threatId, String supplierAssetId) {
    return """
        {"name":"Payments recovery","owner":"CIO","publish":false,
         "coveredProcessIds":["%s"],
         "activationCriteria":["Payments down for more than 1 hour"],
         "terminationCriteria":["Payments run normally for 24 hours"],
         "mandates":[{"role":"network-lead","decision":"DISCONNECT","description":"any segment"},
                     {"role":"management","decision":"EMERGENCY_SPENDING","description":"up to EUR 50k"}],
         "contacts":[{"id":"ann","name":"Ann","function":"Network lead",
                      "channels":[{"kind":"PHONE","address":"+31 6 1111 1111"},{"kind":"EMAIL","address":"ann@x"}]},
                     {"id":"bob","name":"Bob","channels":[{"kind":"SMS","address":"+31 6 2222 2222"}]},
                     {"id":"desk","name":"HostCo desk","organisation":"HostCo",
                      "channels":[{"kind":"PHONE","address":"+31 20 333 3333"}]}],
         "teams":[{"id":"net","name":"Network team","kind":"NETWORK",
                   "members":[{"contactId":"ann","role":"network-lead","deputyContactId":"bob"}]}],
         "callTree":[{"contactId":"ann","escalateAfter":"PT15M","calls":["bob"]},{"contactId":"desk"}],
         "suppliers":[{"id":"hostco","name":"HostCo","assetId":"%s","role":"Restores the servers",
                       "contractReference":"C-1","slaReference":"SLA-1","contactId":"desk"}],
         "communication":{"audiences":[{"name":"Customers","channels":["SMS"]}],
                          "outOfBandMeans":["Signal group 'Herstel'"],"fallbackLocation":"Office B, room 2",
                          "templates":[{"scenario":"RANSOMWARE","audience":"Customers",
                                        "subject":"Payments delayed","body":"We are restoring."}]},
         "scenarioCards":[{"scenario":"RANSOMWARE","title":"Ransomware on payments","threatIds":["%s"],
           "steps":[{"id":"isolate","title":"Isolate the segment","role":"network-lead","expectedDuration":"PT30M"},
                    {"id":"restore","title":"Restore the last clean backup","dependsOn":["isolate"],"expectedDuration":"PT4H"}]}]}
        """
        .formatted(processId, supplierAssetId, threatId);
  }

  @Test
  void aPlanIsDraftedReviewedPublishedFlaggedByTheBiaAndRevised() throws Exception {
    String processId = knownProcess(Duration.ofHours(8));
    String threatId = knownThreat();
    String supplier = UUID.randomUUID().toString();
    produce(
        new AssetRegistered(
            supplier,
            "HostCo " + supplier,
            AssetKind.SUPPLIER,
            null,
            null,
            new SupplierTerms("C-1", "SLA-1", Duration.ofHours(12)),
            Instant.now()),
        "nl.herstel.bia.asset-registered.v1");
    produce(
        new DependencyAdded(
            UUID.randomUUID().toString(),
            processId,
            NodeKind.PROCESS,
            supplier,
            NodeKind.ASSET,
            Instant.now()),
        "nl.herstel.bia.dependency-added.v1");
    await()
        .atMost(WAIT)
        .until(
            () ->
                ItDatabase.count(
                        "SELECT count(*) FROM plan_bia_dependency WHERE to_id = '" + supplier + "'")
                    == 1);

    var created =
        api.post("/api/plans/plans", "plan-owner", fullPlan(processId, threatId, supplier));
    assertThat(created.statusCode()).isEqualTo(201);
    String planId = api.createdId(created);
    JsonNode draft = awaitPlan(planId, p -> p.get("version").asInt() == 1);
    assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
    assertThat(draft.get("publishedVersion").isNull()).isTrue();
    assertThat(draft.at("/content/callTree")).hasSize(2);
    assertThat(draft.at("/content/scenarioCards/0/id").asText()).isEqualTo("ransomware");
    assertThat(draft.at("/content/scenarioCards/0/steps/1/order").asInt()).isEqualTo(2);
    assertThat(draft.get("supplierChecks")).hasSize(1);
    JsonNode check = draft.get("supplierChecks").get(0);
    assertThat(check.get("guaranteedRecoveryTime").asText()).isEqualTo("PT12H");
    assertThat(check.get("requiredRto").asText()).isEqualTo("PT8H");
    assertThat(check.get("meetsRto").asBoolean()).isFalse();

    var tooEarly = transition(planId, "PUBLISHED", null);
    assertThat(tooEarly.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(tooEarly))).containsExactly("to");
    assertThat(transition(planId, "IN_REVIEW", "\"1\"").statusCode()).isEqualTo(200);
    assertThat(transition(planId, "APPROVED", "\"1\"").statusCode()).isEqualTo(409);
    assertThat(transition(planId, "APPROVED", "\"2\"").statusCode()).isEqualTo(200);
    var published = transition(planId, "PUBLISHED", null);
    assertThat(api.json(published).get("version").asInt()).isEqualTo(4);
    assertThat(api.json(published).get("status").asText()).isEqualTo("PUBLISHED");

    List<PlanPublished> events = new ArrayList<>();
    ItKafka.awaitRecords(
            "herstel.plans.v1",
            r ->
                planId.equals(r.key())
                    && "nl.herstel.plans.plan-published.v1".equals(ItKafka.header(r, "ce_type")),
            WAIT)
        .forEach(r -> events.add(ContractJson.read(r.value(), PlanPublished.class)));
    assertThat(events).hasSize(1);
    PlanPublished event = events.get(0);
    assertThat(event.version()).isEqualTo(4);
    assertThat(event.scenarioCards()).hasSize(1);
    assertThat(event.scenarioCards().get(0).id()).isEqualTo("ransomware");
    assertThat(event.scenarioCards().get(0).steps())
        .containsExactly("Isolate the segment", "Restore the last clean backup");
    assertThat(event.scenarioCards().get(0).stepDetails().get(1).dependsOn())
        .containsExactly("isolate");
    assertThat(event.mandates()).hasSize(2);
    assertThat(event.teams().get(0).members().get(0).deputy()).isEqualTo("Bob");
    assertThat(event.callTree()).hasSize(2);
    assertThat(event.callTree().get(0).channels().get(0).outOfBand()).isTrue();
    assertThat(event.reviewDue()).isNotNull();

    produce(
        new RecoveryTargetsSet(
            processId,
            Duration.ofHours(24),
            Duration.ofHours(4),
            Duration.ofHours(1),
            TargetSource.MANUAL,
            null,
            "Stricter",
            Instant.now()),
        "nl.herstel.bia.recovery-targets-set.v1");
    produce(
        new ThreatLikelihoodChanged(threatId, 5, Instant.now()),
        "nl.herstel.bia.threat-likelihood-changed.v1");
    JsonNode flagged = awaitPlan(planId, p -> p.get("reviewRequests").size() == 2);
    assertThat(flagged.get("needsReview").asBoolean()).isTrue();
    assertThat(flagged.at("/reviewRequests/0/reason").asText())
        .contains("RTO PT8H")
        .contains("RTO PT4H");
    assertThat(flagged.at("/reviewRequests/1/cause").asText()).isEqualTo("threat:" + threatId);
    JsonNode needing = api.getJson("/api/plans/plans?needsReview=true&limit=1000", "auditor");
    assertThat(ids(needing.get("items"))).contains(planId);

    String revised =
        fullPlan(processId, threatId, supplier)
            .replace("\"PT4H\"", "\"PT3H\"")
            .replace("\"publish\":false,", "\"reason\":\"Faster restore for the new RTO\",");
    var revise = api.put("/api/plans/plans/" + planId + "/content", "plan-owner", revised, "\"4\"");
    assertThat(revise.statusCode()).isEqualTo(200);
    assertThat(api.json(revise).get("version").asInt()).isEqualTo(5);
    assertThat(api.json(revise).get("status").asText()).isEqualTo("DRAFT");
    awaitPlan(planId, p -> p.get("version").asInt() == 5);

    JsonNode versions = api.getJson("/api/plans/plans/" + planId + "/versions", "auditor");
    assertThat(versions.get("items")).hasSize(5);
    assertThat(versions.at("/items/4/reason").asText()).isEqualTo("Faster restore for the new RTO");
    assertThat(versions.at("/items/4/principal").asText()).isNotBlank();
    JsonNode diff = api.getJson("/api/plans/plans/" + planId + "/diff?from=4&to=5", "auditor");
    List<String> paths = new ArrayList<>();
    diff.get("changes").forEach(c -> paths.add(c.get("path").asText()));
    assertThat(paths)
        .containsExactlyInAnyOrder(
            "status", "scenarioCards[ransomware].steps[restore].expectedDuration");
    JsonNode change = diff.get("changes").get(1);
    assertThat(change.get("before").asText()).isEqualTo("PT4H");
    assertThat(change.get("after").asText()).isEqualTo("PT3H");
    JsonNode v1 = api.getJson("/api/plans/plans/" + planId + "/versions/1", "management");
    assertThat(v1.at("/document/status").asText()).isEqualTo("DRAFT");
    assertThat(api.get("/api/plans/plans/" + planId + "/versions/9", "auditor").statusCode())
        .isEqualTo(404);

    JsonNode still = api.getJson("/api/plans/plans/" + planId, "auditor");
    assertThat(still.get("publishedVersion").asInt()).isEqualTo(4);
    assertThat(api.getJson("/api/plans/coverage/" + processId, "auditor").get("status").asText())
        .isEqualTo("COVERED");
  }

  @Test
  void announcesRevisionsReviewsAndRetirementOnKafkaAndListsOverdueReviews() throws Exception {
    String processId = knownProcess(Duration.ofHours(8));
    String planId =
        api.createdId(
            api.post(
                "/api/plans/plans",
                "plan-owner",
                """
                {"name":"Overdue plan","coveredProcessIds":["%s"],"reviewDue":"2020-01-31"}"""
                    .formatted(processId)));
    JsonNode overdue =
        await()
            .atMost(WAIT)
            .until(
                () -> api.getJson("/api/plans/plans/reviews/overdue?limit=1000", "management"),
                o -> ids(o.get("items")).contains(planId));
    JsonNode listed = overdue.get("items").get(ids(overdue.get("items")).indexOf(planId));
    assertThat(listed.get("reviewOverdue").asBoolean()).isTrue();
    assertThat(listed.get("reviewDue").asText()).isEqualTo("2020-01-31");

    produce(
        new ProcessRetired(processId, "Outsourced", Instant.now()),
        "nl.herstel.bia.process-retired.v1");
    awaitPlan(
        planId,
        p -> causes(p).containsAll(List.of("review-date:2020-01-31", "process:" + processId)));
    assertThat(
            api.post(
                    "/api/plans/plans/" + planId + "/transitions",
                    "bcm-manager",
                    "{\"to\":\"RETIRED\",\"reason\":\"The process is gone\"}")
                .statusCode())
        .isEqualTo(200);
    await()
        .atMost(WAIT)
        .until(
            () -> api.getJson("/api/plans/coverage/" + processId, "auditor"),
            c -> "NOT_COVERED".equals(c.get("status").asText()));
    HttpResponse<String> afterRetirement =
        api.put(
            "/api/plans/plans/" + planId + "/content",
            "plan-owner",
            "{\"name\":\"Too late\",\"coveredProcessIds\":[\"%s\"]}".formatted(processId),
            null);
    assertThat(afterRetirement.statusCode()).isEqualTo(409);

    List<String> types = new ArrayList<>();
    try (var consumer = ItKafka.consumer()) {
      consumer.subscribe(List.of("herstel.plans.v1"));
      await()
          .atMost(WAIT)
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(500))
                    .forEach(
                        r -> {
                          if (planId.equals(r.key())) {
                            types.add(ItKafka.header(r, "ce_type"));
                          }
                        });
                return types.contains("nl.herstel.plans.plan-retired.v1");
              });
    }
    // one review for the date that passed (the review clock), one for the retired process
    assertThat(types)
        .containsExactly(
            "nl.herstel.plans.plan-published.v1",
            "nl.herstel.plans.plan-review-due.v1",
            "nl.herstel.plans.plan-review-due.v1",
            "nl.herstel.plans.plan-retired.v1");
  }

  @Test
  void theReviewClockFlagsAPublishedPlanOnceWhenItsReviewDatePasses() throws Exception {
    String processId = knownProcess(Duration.ofHours(8));
    String draftId =
        api.createdId(
            api.post(
                "/api/plans/plans",
                "plan-owner",
                """
                {"name":"Never published","publish":false,"coveredProcessIds":["%s"],
                 "reviewDue":"2021-03-31"}"""
                    .formatted(processId)));
    String planId =
        api.createdId(
            api.post(
                "/api/plans/plans",
                "plan-owner",
                """
                {"name":"Review date passed","coveredProcessIds":["%s"],"reviewDue":"2021-03-31"}"""
                    .formatted(processId)));

    JsonNode flagged = awaitPlan(planId, p -> p.get("needsReview").asBoolean());
    assertThat(causes(flagged)).containsExactly("review-date:2021-03-31");
    assertThat(flagged.get("reviewRequests").get(0).get("reason").asText())
        .isEqualTo("The review date 2021-03-31 has passed");

    List<ConsumerRecord<String, byte[]>> due = new ArrayList<>();
    try (var consumer = ItKafka.consumer()) {
      consumer.subscribe(List.of("herstel.plans.v1"));
      // the clock polls every second here: several polls must still announce it once
      await()
          .pollDelay(Duration.ofSeconds(4))
          .atMost(WAIT)
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(500))
                    .forEach(
                        r -> {
                          if (planId.equals(r.key())
                              && "nl.herstel.plans.plan-review-due.v1"
                                  .equals(ItKafka.header(r, "ce_type"))) {
                            due.add(r);
                          }
                        });
                return !due.isEmpty();
              });
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        r -> {
                          if (planId.equals(r.key())
                              && "nl.herstel.plans.plan-review-due.v1"
                                  .equals(ItKafka.header(r, "ce_type"))) {
                            due.add(r);
                          }
                        });
                return due.size() == 1;
              });
    }
    PlanReviewDue event = ContractJson.read(due.get(0).value(), PlanReviewDue.class);
    assertThat(event.cause()).isEqualTo("review-date:2021-03-31");
    assertThat(event.reviewDue()).isEqualTo(LocalDate.of(2021, 3, 31));
    assertThat(
            ItDatabase.count(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = '"
                    + planId
                    + "' AND payloadtype LIKE '%PlanReviewRequested'"))
        .isEqualTo(1);
    // a plan that was never published has no review to miss
    assertThat(api.getJson("/api/plans/plans/" + draftId, "auditor").get("needsReview").asBoolean())
        .isFalse();

    // a new version with a future review date clears the flag, and the clock stays quiet
    HttpResponse<String> revised =
        api.put(
            "/api/plans/plans/" + planId + "/content",
            "plan-owner",
            """
            {"name":"Review date passed","coveredProcessIds":["%s"],"reviewDue":"2999-12-31"}"""
                .formatted(processId),
            null);
    assertThat(revised.statusCode()).isEqualTo(200);
    for (String to : List.of("IN_REVIEW", "APPROVED", "PUBLISHED")) {
      assertThat(transition(planId, to, null).statusCode()).as(to).isEqualTo(200);
    }
    JsonNode republished = awaitPlan(planId, p -> "PUBLISHED".equals(p.get("status").asText()));
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> api.getJson("/api/plans/plans/" + planId, "auditor"),
            p -> !p.get("needsReview").asBoolean());
    assertThat(republished.get("reviewDue").asText()).isEqualTo("2999-12-31");
  }

  @Test
  void rejectsBrokenReferencesNamingTheFieldAndStoresNothing() throws Exception {
    String processId = knownProcess(Duration.ofHours(8));
    long before = ItDatabase.count("SELECT count(*) FROM domainevententry");
    String base =
        """
        {"name":"Bad","coveredProcessIds":["%s"],
         "contacts":[{"id":"ann","name":"Ann","channels":[{"kind":"EMAIL","address":"a@x"}]}],
         %s}
        """;
    assertRejected(
        base.formatted(processId, "\"callTree\":[{\"contactId\":\"ann\"}]"), 422, "callTree");
    assertRejected(
        base.formatted(
            processId, "\"mandates\":[{\"role\":\"janitor\",\"decision\":\"DISCONNECT\"}]"),
        422,
        "mandates[0].role");
    assertRejected(
        base.formatted(
            processId,
            "\"scenarioCards\":[{\"scenario\":\"DDOS\",\"title\":\"T\",\"steps\":["
                + "{\"id\":\"a\",\"title\":\"A\",\"dependsOn\":[\"b\"]},"
                + "{\"id\":\"b\",\"title\":\"B\",\"dependsOn\":[\"a\"]}]}]"),
        422,
        "scenarioCards[0].steps");
    assertRejected(
        base.formatted(
            processId,
            "\"scenarioCards\":[{\"scenario\":\"DDOS\",\"title\":\"T\",\"steps\":["
                + "{\"id\":\"a\",\"title\":\"A\",\"dependsOn\":[\"z\"]}]}]"),
        422,
        "scenarioCards[0].steps[0].dependsOn");
    assertRejected(
        base.formatted(
            processId,
            "\"scenarioCards\":[{\"scenario\":\"DDOS\",\"title\":\"T\",\"threatIds\":[\"nope\"],"
                + "\"steps\":[\"A\"]}]"),
        404,
        "scenarioCards[0].threatIds");
    assertRejected(
        base.formatted(
            processId,
            "\"teams\":[{\"id\":\"t\",\"name\":\"T\",\"kind\":\"NETWORK\","
                + "\"members\":[{\"contactId\":\"zed\",\"role\":\"x\"}]}]"),
        422,
        "teams[0].members[0].contactId");
    String supplierAt = "\"suppliers\":[{\"id\":\"s\",\"name\":\"S\",\"assetId\":\"%s\"}]";
    assertRejected(
        base.formatted(processId, supplierAt.formatted("nope")), 404, "suppliers[0].assetId");
    String software = knownAsset(AssetKind.SOFTWARE);
    assertRejected(
        base.formatted(processId, supplierAt.formatted(software)), 422, "suppliers[0].assetId");
    String retired = knownAsset(AssetKind.SUPPLIER);
    produce(
        new AssetRetired(retired, "Contract ended", Instant.now()),
        "nl.herstel.bia.asset-retired.v1");
    await()
        .atMost(WAIT)
        .until(
            () ->
                ItDatabase.count(
                        "SELECT count(*) FROM plan_bia_asset WHERE retired AND asset_id = '"
                            + retired
                            + "'")
                    == 1);
    assertRejected(
        base.formatted(processId, supplierAt.formatted(retired)), 422, "suppliers[0].assetId");
    assertThat(ItDatabase.count("SELECT count(*) FROM domainevententry")).isEqualTo(before);
  }

  @Test
  void theInventoryComesFromTheBiaRankedByImpact() throws Exception {
    String jewel = UUID.randomUUID().toString();
    produce(
        new ProcessRegistered(
            jewel,
            "Jewel",
            null,
            true,
            true,
            null,
            Duration.ofHours(24),
            Duration.ofMinutes(30),
            null,
            Instant.now()),
        "nl.herstel.bia.process-registered.v1");
    String app = UUID.randomUUID().toString();
    String db = UUID.randomUUID().toString();
    produce(
        new AssetRegistered(app, "app " + app, AssetKind.SOFTWARE, null, Instant.now()),
        "nl.herstel.bia.asset-registered.v1");
    produce(
        new AssetRegistered(db, "db " + db, AssetKind.DATA, null, Instant.now()),
        "nl.herstel.bia.asset-registered.v1");
    produce(
        new DependencyAdded(
            UUID.randomUUID().toString(),
            jewel,
            NodeKind.PROCESS,
            app,
            NodeKind.ASSET,
            Instant.now()),
        "nl.herstel.bia.dependency-added.v1");
    produce(
        new DependencyAdded(
            UUID.randomUUID().toString(), app, NodeKind.ASSET, db, NodeKind.ASSET, Instant.now()),
        "nl.herstel.bia.dependency-added.v1");
    JsonNode inventory =
        await()
            .atMost(WAIT)
            .until(
                () -> api.getJson("/api/plans/inventory?limit=1000", "recovery-team"),
                i ->
                    ids(i.get("items"), "assetId").contains(db)
                        && ids(i.get("items"), "assetId").contains(app));
    JsonNode dbItem = item(inventory.get("items"), db);
    assertThat(dbItem.get("crownJewel").asBoolean()).isTrue();
    assertThat(dbItem.get("strictestRto").asText()).isEqualTo("PT30M");
    assertThat(ids(dbItem.get("processes"))).containsExactly(jewel);
    JsonNode appItem = item(inventory.get("items"), app);
    assertThat(ids(appItem.get("dependsOn"))).containsExactly(db);
    assertThat(appItem.get("rank").asInt()).isLessThanOrEqualTo(inventory.get("items").size());
  }

  @Test
  void networkDocumentsBecomeStaleWhenTheirVerificationIsOverdue() throws Exception {
    String overdue =
        api.createdId(
            api.post(
                "/api/plans/network-documents",
                "plan-owner",
                """
                {"title":"Core network diagram","documentVersion":"3.2","owner":"Ann",
                 "location":"vault://network/core.pdf","verificationInterval":"P30D",
                 "lastVerifiedAt":"%s"}"""
                    .formatted(Instant.now().minus(Duration.ofDays(40)))));
    String fresh =
        api.createdId(
            api.post(
                "/api/plans/network-documents",
                "bcm-manager",
                """
                {"title":"DMZ diagram","verificationInterval":"P90D","lastVerifiedAt":"%s"}"""
                    .formatted(Instant.now().minus(Duration.ofDays(1)))));
    JsonNode stale =
        await()
            .atMost(WAIT)
            .until(
                () -> api.getJson("/api/plans/network-documents/stale?limit=1000", "auditor"),
                s -> ids(s.get("items")).contains(overdue));
    assertThat(ids(stale.get("items"))).doesNotContain(fresh);
    assertThat(
            api.post(
                    "/api/plans/network-documents/" + overdue + "/verifications",
                    "recovery-team",
                    "{}")
                .statusCode())
        .isEqualTo(204);
    await()
        .atMost(WAIT)
        .until(
            () -> api.getJson("/api/plans/network-documents/" + overdue, "auditor"),
            d -> !d.get("stale").asBoolean());
    assertThat(
            ids(
                api.getJson("/api/plans/network-documents/stale?limit=1000", "auditor")
                    .get("items")))
        .doesNotContain(overdue);
    var bad =
        api.post(
            "/api/plans/network-documents",
            "plan-owner",
            "{\"title\":\"X\",\"verificationInterval\":\"-P1D\"}");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(bad))).containsExactly("verificationInterval");
  }

  private void assertRejected(String body, int status, String field) {
    var response = api.post("/api/plans/plans", "plan-owner", body);
    assertThat(response.statusCode()).as(body).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(fields(api.json(response))).as(body).containsExactly(field);
  }

  private HttpResponse<String> transition(String planId, String to, String ifMatch) {
    return ifMatch == null
        ? api.post(
            "/api/plans/plans/" + planId + "/transitions", "bcm-manager", "{\"to\":\"" + to + "\"}")
        : api.post(
            "/api/plans/plans/" + planId + "/transitions",
            "bcm-manager",
            "{\"to\":\"" + to + "\"}",
            ifMatch);
  }

  private JsonNode awaitPlan(String planId, java.util.function.Predicate<JsonNode> condition) {
    return await()
        .atMost(WAIT)
        .until(
            () -> api.getJson("/api/plans/plans/" + planId, "auditor"),
            p -> p != null && condition.test(p));
  }

  private String knownProcess(Duration rto) {
    String processId = UUID.randomUUID().toString();
    produce(
        new ProcessRegistered(
            processId,
            "Payments",
            null,
            true,
            true,
            "CFO",
            Duration.ofHours(24),
            rto,
            Duration.ofHours(1),
            Instant.now()),
        "nl.herstel.bia.process-registered.v1");
    await()
        .atMost(WAIT)
        .until(() -> api.getJson("/api/plans/coverage/" + processId, "auditor") != null);
    return processId;
  }

  private String knownAsset(AssetKind kind) {
    String assetId = UUID.randomUUID().toString();
    produce(
        new AssetRegistered(assetId, kind + " " + assetId, kind, null, Instant.now()),
        "nl.herstel.bia.asset-registered.v1");
    await()
        .atMost(WAIT)
        .until(
            () ->
                ItDatabase.count(
                        "SELECT count(*) FROM plan_bia_asset WHERE asset_id = '" + assetId + "'")
                    == 1);
    return assetId;
  }

  private String knownThreat() throws Exception {
    String threatId = UUID.randomUUID().toString();
    produce(
        new ThreatRegistered(threatId, "Ransomware", null, 3, Instant.now()),
        "nl.herstel.bia.threat-registered.v1");
    await()
        .atMost(WAIT)
        .until(
            () ->
                ItDatabase.count(
                        "SELECT count(*) FROM plan_bia_threat WHERE threat_id = '" + threatId + "'")
                    == 1);
    return threatId;
  }

  private static void produce(IntegrationEvent event, String type) {
    ItKafka.publish(
        "herstel.bia.v1",
        event.subject(),
        ContractJson.write(event),
        type,
        UUID.randomUUID().toString(),
        "urn:herstel:bia-service");
  }

  private static List<String> ids(JsonNode items) {
    return ids(items, "id");
  }

  private static List<String> ids(JsonNode items, String field) {
    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.get(field).asText()));
    return ids;
  }

  private static JsonNode item(JsonNode items, String assetId) {
    for (JsonNode i : items) {
      if (assetId.equals(i.get("assetId").asText())) {
        return i;
      }
    }
    throw new AssertionError("no inventory item " + assetId);
  }

  private static List<String> causes(JsonNode plan) {
    return ids(plan.get("reviewRequests"), "cause");
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }
}
