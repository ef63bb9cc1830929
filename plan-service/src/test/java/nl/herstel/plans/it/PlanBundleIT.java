package nl.herstel.plans.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.ServiceClient;
import nl.herstel.plans.bundle.OpenPgp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plan bundle on the real server: a published plan as signed HTML and PDF in one ZIP, opened as
 * its readers open it (HTML parsed, PDF text extracted, signatures verified, decrypted with the
 * passphrase, and with GnuPG where it is installed); bad requests named.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class PlanBundleIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String PASSPHRASE = "Correct-Horse-Battery-42";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void aPublishedPlanIsBundledSignedAndEncryptedAndTheBundleIsListedOnThePlan() throws Exception {
    String planId = publishedPlan();
    HttpResponse<byte[]> zip = api.getBytes("/api/plans/" + planId + "/bundle", "recovery-team");
    assertThat(zip.statusCode()).as(new String(zip.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(zip.headers().firstValue("Herstel-Plan-Version")).hasValue("1");
    String takenAt = zip.headers().firstValue("Herstel-Bundle-Taken-At").orElseThrow();

    Map<String, byte[]> files = Bundles.unzip(zip.body());
    assertThat(files.keySet())
        .containsExactly(
            "plan.html",
            "plan.html.asc",
            "plan.pdf",
            "plan.pdf.asc",
            "signing-key.asc",
            "README.txt");
    Document html = Jsoup.parse(new String(files.get("plan.html"), StandardCharsets.UTF_8));
    assertThat(html.select("#version").text()).isEqualTo("version 1");
    assertThat(html.select("#taken").text()).contains(takenAt);
    assertThat(html.select("link[href], script, img[src]")).isEmpty();
    assertThat(html.select("#call-tree + table tbody tr")).hasSize(2);
    assertThat(html.select("#call-tree + table tbody tr").get(0).text())
        .contains("Ann")
        .contains("+31 6 1111 1111");
    assertThat(html.select("#suppliers + table").text()).contains("HostCo");
    assertThat(html.select("#card-ransomware + table tbody tr")).hasSize(2);
    String pdf = Bundles.pdfText(files.get("plan.pdf"));
    assertThat(pdf).contains("Bundle recovery").contains("version 1").contains(takenAt);
    assertThat(pdf).contains("Isolate the segment").contains("HostCo");

    String key = api.get("/api/plans/bundle-key", "auditor").body();
    assertThat(key).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
    assertThat(new String(files.get("signing-key.asc"), StandardCharsets.US_ASCII)).isEqualTo(key);
    String htmlSig = new String(files.get("plan.html.asc"), StandardCharsets.US_ASCII);
    String pdfSig = new String(files.get("plan.pdf.asc"), StandardCharsets.US_ASCII);
    assertThat(Bundles.verifies(files.get("plan.html"), htmlSig, key)).isTrue();
    assertThat(Bundles.verifies(files.get("plan.pdf"), pdfSig, key)).isTrue();
    // the key kept in the database is encrypted with the configured passphrase
    String stored;
    try (var c = ItDatabase.connect();
        var r = c.createStatement().executeQuery("SELECT secret_key FROM plan_signing_key")) {
      assertThat(r.next()).isTrue();
      stored = r.getString(1);
    }
    var ring = OpenPgp.secretKeyRing(stored);
    assertThat(OpenPgp.isProtected(ring)).isTrue();
    assertThatThrownBy(() -> OpenPgp.privateKey(ring, new char[0]))
        .isInstanceOf(IllegalStateException.class);
    byte[] tampered = files.get("plan.pdf").clone();
    tampered[tampered.length / 2] ^= 1;
    assertThat(Bundles.verifies(tampered, pdfSig, key)).isFalse();

    HttpResponse<byte[]> encrypted =
        api.postForBytes(
            "/api/plans/" + planId + "/bundle",
            "incident-commander",
            "{\"passphrase\":\"" + PASSPHRASE + "\"}");
    assertThat(encrypted.statusCode()).isEqualTo(200);
    Map<String, byte[]> opened = Bundles.unzip(Bundles.decrypt(encrypted.body(), PASSPHRASE));
    assertThat(opened).hasSize(6);
    assertThat(
            Bundles.verifies(
                opened.get("plan.pdf"),
                new String(opened.get("plan.pdf.asc"), StandardCharsets.US_ASCII),
                key))
        .isTrue();

    HttpResponse<byte[]> single =
        api.getBytes("/api/plans/" + planId + "/bundle?format=pdf", "management");
    assertThat(single.headers().firstValue("Content-Type")).hasValue("application/pdf");
    String signature =
        new String(
            java.util.Base64.getDecoder()
                .decode(single.headers().firstValue("Herstel-Signature").orElseThrow()),
            StandardCharsets.US_ASCII);
    assertThat(Bundles.verifies(single.body(), signature, key)).isTrue();

    JsonNode plan =
        await()
            .atMost(WAIT)
            .until(
                () -> api.getJson("/api/plans/plans/" + planId, "auditor"),
                p -> p.get("bundles").size() == 3);
    List<String> formats = new ArrayList<>();
    plan.get("bundles")
        .forEach(b -> formats.add(b.get("format").asText() + ":" + b.get("encrypted").asBoolean()));
    assertThat(formats).containsExactlyInAnyOrder("ZIP:false", "ZIP:true", "PDF:false");
    assertThat(plan.at("/bundles/0/version").asInt()).isEqualTo(1);

    HttpResponse<byte[]> again =
        api.getBytes("/api/plans/" + planId + "/bundle?format=html", "auditor");
    Document second = Jsoup.parse(new String(again.body(), StandardCharsets.UTF_8));
    assertThat(second.select("#bundles + table tbody tr")).hasSize(3);
  }

  @Test
  void gnuPgVerifiesAndDecryptsABundle() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/gpg")), "GnuPG is not installed");
    String planId = publishedPlan();
    Path dir = Files.createTempDirectory("bundle");
    Path home = Files.createDirectory(dir.resolve("gnupg"));
    Files.setPosixFilePermissions(
        home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Files.writeString(dir.resolve("key.asc"), api.get("/api/plans/bundle-key", "auditor").body());
    HttpResponse<byte[]> encrypted =
        api.postForBytes(
            "/api/plans/" + planId + "/bundle",
            "auditor",
            "{\"passphrase\":\"" + PASSPHRASE + "\"}");
    Files.write(dir.resolve("plan.zip.gpg"), encrypted.body());
    Files.writeString(dir.resolve("pass"), PASSPHRASE);
    gpg(home, dir, "--import", "key.asc");
    gpg(
        home,
        dir,
        "--pinentry-mode",
        "loopback",
        "--passphrase-file",
        "pass",
        "--output",
        "plan.zip",
        "--decrypt",
        "plan.zip.gpg");
    Map<String, byte[]> files = Bundles.unzip(Files.readAllBytes(dir.resolve("plan.zip")));
    Files.write(dir.resolve("plan.pdf"), files.get("plan.pdf"));
    Files.write(dir.resolve("plan.pdf.asc"), files.get("plan.pdf.asc"));
    assertThat(gpg(home, dir, "--verify", "plan.pdf.asc", "plan.pdf")).contains("Good signature");
  }

  @Test
  void aBundleEncryptedToARecipientsPublicKeyOpensWithTheirGnuPgKey() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/gpg")), "GnuPG is not installed");
    String planId = publishedPlan();
    Path dir = Files.createTempDirectory("recipient");
    Path home = Files.createDirectory(dir.resolve("gnupg"));
    Files.setPosixFilePermissions(
        home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    gpg(
        home,
        dir,
        "--passphrase",
        "",
        "--pinentry-mode",
        "loopback",
        "--quick-gen-key",
        "Recovery Team <recovery@herstel.test>",
        "rsa2048",
        "default",
        "never");
    String publicKey = gpg(home, dir, "--armor", "--export", "recovery@herstel.test");
    assertThat(publicKey).contains("BEGIN PGP PUBLIC KEY BLOCK");

    HttpResponse<byte[]> encrypted =
        api.postForBytes(
            "/api/plans/" + planId + "/bundle",
            "auditor",
            new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(Map.of("publicKey", publicKey, "format", "pdf")));
    assertThat(encrypted.statusCode()).isEqualTo(200);
    Files.write(dir.resolve("plan.pdf.gpg"), encrypted.body());
    gpg(home, dir, "--output", "plan.pdf", "--decrypt", "plan.pdf.gpg");
    assertThat(
            new String(
                Files.readAllBytes(dir.resolve("plan.pdf")), 0, 5, StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
  }

  @Test
  void refusesANeverPublishedPlanAWeakPassphraseAndAnUnknownFormat() throws Exception {
    String processId = knownProcess();
    String draft =
        api.createdId(
            api.post(
                "/api/plans/plans",
                "plan-owner",
                "{\"name\":\"Draft only\",\"publish\":false,\"coveredProcessIds\":[\"%s\"]}"
                    .formatted(processId)));
    await()
        .atMost(WAIT)
        .until(() -> api.getJson("/api/plans/plans/" + draft, "auditor"), p -> p != null);
    HttpResponse<String> never = api.get("/api/plans/" + draft + "/bundle", "auditor");
    assertThat(never.statusCode()).isEqualTo(422);
    assertThat(api.json(never).get("detail").asText())
        .contains("Draft only")
        .contains("never published");
    assertThat(fields(api.json(never))).containsExactly("id");
    assertThat(api.get("/api/plans/" + UUID.randomUUID() + "/bundle", "auditor").statusCode())
        .isEqualTo(404);

    String planId = publishedPlan();
    for (String weak : List.of("short1A!", "aaaaaaaaaaaaaaaaaaaa", "onlylowercaseletter")) {
      HttpResponse<String> response =
          api.post(
              "/api/plans/" + planId + "/bundle", "auditor", "{\"passphrase\":\"" + weak + "\"}");
      assertThat(response.statusCode()).as(weak).isEqualTo(422);
      assertThat(fields(api.json(response))).containsExactly("passphrase");
    }
    HttpResponse<String> neither = api.post("/api/plans/" + planId + "/bundle", "auditor", "{}");
    assertThat(neither.statusCode()).isEqualTo(422);
    HttpResponse<String> badKey =
        api.post("/api/plans/" + planId + "/bundle", "auditor", "{\"publicKey\":\"not a key\"}");
    assertThat(badKey.statusCode()).isEqualTo(422);
    assertThat(fields(api.json(badKey))).containsExactly("publicKey");
    HttpResponse<String> format =
        api.get("/api/plans/" + planId + "/bundle?format=docx", "auditor");
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(fields(api.json(format))).containsExactly("format");
    assertThat(api.get("/api/plans/" + planId + "/bundle", "soc-intake").statusCode())
        .isEqualTo(403);
    assertThat(api.get("/api/plans/" + planId + "/bundle", null).statusCode()).isEqualTo(401);
  }

  private String gpg(Path home, Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--homedir", home.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private String publishedPlan() {
    String processId = knownProcess();
    String planId =
        api.createdId(
            api.post(
                "/api/plans/plans",
                "plan-owner",
                """
            {"name":"Bundle recovery","coveredProcessIds":["%s"],
             "contacts":[{"id":"ann","name":"Ann","channels":[{"kind":"PHONE","address":"+31 6 1111 1111"}]},
                         {"id":"desk","name":"HostCo desk","channels":[{"kind":"SMS","address":"+31 20 333"}]}],
             "callTree":[{"contactId":"ann"},{"contactId":"desk"}],
             "suppliers":[{"id":"hostco","name":"HostCo","role":"Restores servers","contactId":"desk",
                           "guaranteedRecoveryTime":"PT4H"}],
             "scenarioCards":[{"scenario":"RANSOMWARE","title":"Ransomware","steps":[
               {"id":"isolate","title":"Isolate the segment"},
               {"id":"restore","title":"Restore the backup","dependsOn":["isolate"]}]}]}
            """
                    .formatted(processId)));
    await()
        .atMost(WAIT)
        .until(() -> api.getJson("/api/plans/plans/" + planId, "auditor"), p -> p != null);
    return planId;
  }

  private String knownProcess() {
    String processId = UUID.randomUUID().toString();
    ProcessRegistered registered =
        new ProcessRegistered(
            processId,
            "Payments",
            null,
            true,
            true,
            null,
            Duration.ofHours(24),
            Duration.ofHours(8),
            null,
            Instant.now());
    ItKafka.publish(
        "herstel.bia.v1",
        processId,
        ContractJson.write(registered),
        "nl.herstel.bia.process-registered.v1",
        UUID.randomUUID().toString(),
        "urn:herstel:bia-service");
    await()
        .atMost(WAIT)
        .until(() -> api.getJson("/api/plans/coverage/" + processId, "auditor") != null);
    return processId;
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }
}
