package nl.herstel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.herstel.devstack.testing.ServiceClient;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.bc.BcPGPPublicKeyRing;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The recovery plan end to end through the gateway: the BIA records a process, its database, a
 * supplier and a threat; plan-service learns them; a plan is drafted, reviewed, approved and
 * published; its bundle is taken and opened as a recovery team would (HTML parsed, PDF read,
 * signatures verified, decrypted with the passphrase); a stricter RTO at the BIA flags the plan for
 * review; a new version answers it, and the diff shows what changed.
 */
class RecoveryPlanIT {
  private static final Duration EVENTUALLY = Duration.ofSeconds(60);
  private static final String PASSPHRASE = "Three-Am-Network-Down-7";
  private final ServiceClient api =
      new ServiceClient(Stack.get().gatewayUrl(), role -> Stack.get().token(role));

  @Test
  void aPlanIsPublishedBundledFlaggedByTheBiaAndRevised() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String dbId =
        created(
            api.post(
                "/api/bia/assets",
                "bcm-manager",
                "{\"name\":\"db-orders-" + suffix + "\",\"kind\":\"DATA\"}"));
    String hostingId =
        created(
            api.post(
                "/api/bia/assets",
                "bcm-manager",
                ("{\"name\":\"HostCo-"
                    + suffix
                    + "\",\"kind\":\"SUPPLIER\","
                    + "\"supplier\":{\"contractReference\":\"C-7\",\"slaReference\":\"SLA-7\","
                    + "\"guaranteedRecoveryTime\":\"PT6H\"}}")));
    String processId =
        created(
            api.post(
                "/api/bia/processes",
                "bcm-manager",
                ("{\"name\":\"Orders %s\",\"critical\":true,\"crownJewel\":true,\"mtpd\":\"PT24H\","
                        + "\"rto\":\"PT8H\",\"rpo\":\"PT1H\",\"supportedBy\":[\"%s\"]}")
                    .formatted(suffix, dbId)));
    api.ok(
        api.post(
            "/api/bia/dependencies",
            "bcm-manager",
            "{\"fromId\":\"%s\",\"toId\":\"%s\"}".formatted(dbId, hostingId)));
    String threatId =
        created(
            api.post(
                "/api/bia/threats",
                "bcm-manager",
                "{\"name\":\"Ransomware " + suffix + "\",\"likelihood\":4}"));

    await("plan-service learns the BIA")
        .atMost(EVENTUALLY)
        .until(
            () -> api.getJson("/api/plans/inventory?limit=1000", "plan-owner"),
            i -> i != null && contains(i.get("items"), "assetId", hostingId));

    String plan = plan(suffix, processId, threatId, hostingId, "PT4H", "Draft for review");
    String planId = created(api.post("/api/plans/plans", "plan-owner", plan));
    JsonNode draft =
        await("the draft is readable")
            .atMost(EVENTUALLY)
            .until(() -> api.getJson("/api/plans/plans/" + planId, "auditor"), p -> p != null);
    assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
    JsonNode check = draft.get("supplierChecks").get(0);
    assertThat(check.get("guaranteedRecoveryTime").asText()).isEqualTo("PT6H");
    assertThat(check.get("meetsRto").asBoolean()).isTrue();
    HttpResponse<String> unpublished = api.get("/api/plans/" + planId + "/bundle", "recovery-team");
    assertThat(unpublished.statusCode()).isEqualTo(422);

    for (String to : List.of("IN_REVIEW", "APPROVED", "PUBLISHED")) {
      HttpResponse<String> moved =
          api.post(
              "/api/plans/plans/" + planId + "/transitions",
              "bcm-manager",
              "{\"to\":\"" + to + "\"}");
      assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }
    await("the plan is published")
        .atMost(EVENTUALLY)
        .until(
            () -> api.getJson("/api/plans/plans/" + planId, "auditor"),
            p -> p.get("publishedVersion").asInt() == 4);
    assertThat(api.getJson("/api/plans/coverage/" + processId, "auditor").get("status").asText())
        .isEqualTo("COVERED");

    HttpResponse<byte[]> bundle =
        api.postForBytes(
            "/api/plans/" + planId + "/bundle",
            "recovery-team",
            "{\"passphrase\":\"" + PASSPHRASE + "\"}");
    assertThat(bundle.statusCode()).isEqualTo(200);
    Map<String, byte[]> files = unzip(decrypt(bundle.body(), PASSPHRASE));
    assertThat(files).containsKeys("plan.html", "plan.html.asc", "plan.pdf", "plan.pdf.asc");
    Document html = Jsoup.parse(new String(files.get("plan.html"), StandardCharsets.UTF_8));
    assertThat(html.select("#version").text()).isEqualTo("version 4");
    assertThat(html.select("#call-tree + table tbody tr")).hasSize(2);
    assertThat(html.select("#scope + table").text()).contains("Orders " + suffix).contains("PT8H");
    assertThat(html.select("#inventory + table").text()).contains("db-orders-" + suffix);
    String pdf = pdfText(files.get("plan.pdf"));
    assertThat(pdf).contains("Orders recovery " + suffix).contains("version 4");
    assertThat(pdf).contains("Restore the last clean backup");
    String key = api.get("/api/plans/bundle-key", "auditor").body();
    assertThat(verifies(files.get("plan.pdf"), files.get("plan.pdf.asc"), key)).isTrue();
    assertThat(verifies(files.get("plan.html"), files.get("plan.html.asc"), key)).isTrue();

    HttpResponse<String> stricter =
        api.put(
            "/api/bia/processes/" + processId + "/targets",
            "bcm-manager",
            "{\"mtpd\":\"PT24H\",\"rto\":\"PT4H\",\"rpo\":\"PT1H\",\"reason\":\"Orders are now same-day\"}",
            null);
    assertThat(stricter.statusCode()).as(stricter.body()).isEqualTo(200);
    JsonNode flagged =
        await("the BIA change flags the plan")
            .atMost(EVENTUALLY)
            .until(
                () -> api.getJson("/api/plans/plans/" + planId, "auditor"),
                p -> p.get("needsReview").asBoolean());
    assertThat(flagged.at("/reviewRequests/0/reason").asText()).contains("RTO PT4H");
    assertThat(flagged.at("/supplierChecks/0/meetsRto").asBoolean()).isFalse();
    JsonNode needing = api.getJson("/api/plans/plans?needsReview=true&limit=1000", "management");
    assertThat(contains(needing.get("items"), "id", planId)).isTrue();

    HttpResponse<String> revised =
        api.put(
            "/api/plans/plans/" + planId + "/content",
            "plan-owner",
            plan(suffix, processId, threatId, hostingId, "PT2H", "Restore within the new RTO of 4h")
                .replace("\"publish\":false,", ""),
            "\"4\"");
    assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
    assertThat(api.json(revised).get("version").asInt()).isEqualTo(5);
    JsonNode diff =
        api.json(
            await("the new version is readable")
                .atMost(EVENTUALLY)
                .until(
                    () -> api.get("/api/plans/plans/" + planId + "/diff?from=4&to=5", "auditor"),
                    r -> r.statusCode() == 200));
    List<String> paths = new ArrayList<>();
    diff.get("changes").forEach(c -> paths.add(c.get("path").asText()));
    assertThat(paths)
        .containsExactlyInAnyOrder(
            "status", "scenarioCards[ransomware].steps[restore].expectedDuration");
  }

  private static String plan(
      String suffix,
      String processId,
      String threatId,
      String supplierId,
      String restoreIn,
      String reason) {
    return """
        {"name":"Orders recovery %s","owner":"CIO","publish":false,"reason":"%s",
         "coveredProcessIds":["%s"],
         "activationCriteria":["Orders down for more than an hour"],
         "terminationCriteria":["Orders run normally for a day"],
         "mandates":[{"role":"incident-commander","decision":"DISCONNECT"}],
         "contacts":[{"id":"ann","name":"Ann","channels":[{"kind":"PHONE","address":"+31 6 1111 1111"}]},
                     {"id":"desk","name":"HostCo desk","channels":[{"kind":"SMS","address":"+31 20 333 3333"}]}],
         "callTree":[{"contactId":"ann","escalateAfter":"PT15M"},{"contactId":"desk"}],
         "suppliers":[{"id":"hostco","name":"HostCo","assetId":"%s","role":"Restores the database servers","contactId":"desk"}],
         "scenarioCards":[{"scenario":"RANSOMWARE","title":"Ransomware on orders","threatIds":["%s"],
           "steps":[{"id":"isolate","title":"Isolate the segment","role":"incident-commander"},
                    {"id":"restore","title":"Restore the last clean backup","dependsOn":["isolate"],"expectedDuration":"%s"}]}]}
        """
        .formatted(suffix, reason, processId, supplierId, threatId, restoreIn);
  }

  private String created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return api.json(response).get("id").asText();
  }

  private static boolean contains(JsonNode items, String field, String value) {
    for (JsonNode item : items) {
      if (value.equals(item.path(field).asText())) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static boolean verifies(byte[] data, byte[] signature, String publicKey)
      throws Exception {
    PGPPublicKeyRing ring;
    try (InputStream in =
        PGPUtil.getDecoderStream(
            new ByteArrayInputStream(publicKey.getBytes(StandardCharsets.US_ASCII)))) {
      ring = new BcPGPPublicKeyRing(in);
    }
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(signature))) {
      PGPSignature sig = ((PGPSignatureList) new BcPGPObjectFactory(in).nextObject()).get(0);
      sig.init(new BcPGPContentVerifierBuilderProvider(), ring.getPublicKey(sig.getKeyID()));
      sig.update(data);
      return sig.verify();
    }
  }

  private static byte[] decrypt(byte[] message, String passphrase) throws Exception {
    BcPGPObjectFactory factory =
        new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(message)));
    Object next = factory.nextObject();
    if (!(next instanceof PGPEncryptedDataList)) {
      next = factory.nextObject();
    }
    PGPPBEEncryptedData encrypted = (PGPPBEEncryptedData) ((PGPEncryptedDataList) next).get(0);
    InputStream clear =
        encrypted.getDataStream(
            new BcPBEDataDecryptorFactory(
                passphrase.toCharArray(), new BcPGPDigestCalculatorProvider()));
    byte[] data =
        ((PGPLiteralData) new BcPGPObjectFactory(clear).nextObject())
            .getInputStream()
            .readAllBytes();
    assertThat(encrypted.verify()).as("integrity").isTrue();
    return data;
  }
}
