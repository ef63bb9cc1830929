package nl.herstel.lessons.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.incidents.AffectedProcess;
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.contracts.incidents.Restoration;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.ServiceClient;
import nl.herstel.devstack.testing.TestInfrastructure;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The management report on the real server: the same figures as a web page (well-formed XHTML,
 * inline SVG, no script), as PDF and as JSON; for management and auditors only; parameters checked.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class ReportIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void aClosedIncidentShowsInItsPeriodsReportAsHtmlPdfAndJson() throws Exception {
    // A year of its own, so other tests' incidents do not change the figures.
    int year = 2100 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 800);
    Instant disruptedAt = LocalDate.of(year, 11, 3).atTime(2, 0).toInstant(ZoneOffset.UTC);
    String portal = registerProcess("Customer portal " + year, Duration.ofHours(8));
    String incidentId = UUID.randomUUID().toString();
    send(
        new IncidentOpened(
            incidentId,
            "Ransomware on the portal",
            Severity.CRITICAL,
            disruptedAt,
            List.of(),
            List.of(
                new AffectedProcess(
                    portal,
                    "Customer portal " + year,
                    Duration.ofHours(8),
                    Duration.ofHours(24),
                    disruptedAt.plus(Duration.ofHours(8)),
                    disruptedAt.plus(Duration.ofHours(24)))),
            disruptedAt.plus(Duration.ofMinutes(30))));
    send(
        new IncidentClosed(
            incidentId,
            disruptedAt,
            List.of(new Restoration(portal, disruptedAt.plus(Duration.ofHours(11)))),
            "Restored from offline backups",
            disruptedAt.plus(Duration.ofHours(30))));
    String period = "/api/lessons/reports/period?period=" + year + "-Q4";
    JsonNode json =
        await("the closure and the review reach the read models")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> api.getJson(period + "&format=json", "management"),
                report ->
                    report.get("summary").get("restorations").asInt() == 1
                        && report.get("biaChanges").size() == 1);
    assertThat(json.get("scope").asText()).isEqualTo("PERIOD");
    assertThat(json.get("from").asText()).isEqualTo(year + "-10-01");
    assertThat(json.get("to").asText()).isEqualTo(year + "-12-31");
    assertThat(json.get("summary").get("incidents").asInt()).isEqualTo(1);
    assertThat(json.get("processes")).hasSize(1);
    JsonNode process = json.get("processes").get(0);
    assertThat(process.get("name").asText()).isEqualTo("Customer portal " + year);
    assertThat(process.get("longestRecovery").asText()).isEqualTo("PT11H");
    assertThat(process.get("rto").asText()).isEqualTo("PT8H");
    assertThat(process.get("rtoBreaches").asInt()).isEqualTo(1);
    assertThat(json.get("incidents")).hasSize(1);
    assertThat(json.get("biaChanges")).hasSize(1);
    assertThat(json.get("findings")).isNotEmpty();

    HttpResponse<String> html = fetch(period, "management", "text/html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(html.body())
        .contains("Customer portal " + year, "11h", "id=\"recovery-chart\"", "<svg")
        .doesNotContain("<script");
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.body().getBytes(StandardCharsets.UTF_8)));

    HttpResponse<byte[]> pdf = api.getBytes(period + "&format=pdf", "auditor");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("herstel-report-" + year + "-Q4.pdf");
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
      assertThat(new PDFTextStripper().getText(document))
          .contains("Customer portal " + year, "11h", "Executive summary");
      assertThat(new PDFRenderer(document).renderImageWithDPI(0, 50).getHeight())
          .isGreaterThan(300);
    }

    JsonNode incident =
        api.getJson("/api/lessons/reports/incidents/" + incidentId + "?format=json", "management");
    assertThat(incident.get("scope").asText()).isEqualTo("INCIDENT");
    assertThat(incident.get("incidentId").asText()).isEqualTo(incidentId);
    assertThat(incident.get("title").asText()).contains("Ransomware on the portal");
  }

  @Test
  void onlyManagementAuditorsAndTheBcmManagerReadThePeriodReport() throws Exception {
    String path = "/api/lessons/reports/period?period=2026&format=json";
    assertThat(api.get(path, "management").statusCode()).isEqualTo(200);
    assertThat(api.get(path, "bcm-manager").statusCode()).isEqualTo(200);
    assertThat(api.get(path, "soc-intake").statusCode()).isEqualTo(403);
    assertThat(api.get(path, "recovery-team").statusCode()).isEqualTo(403);
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void badParametersAreProblemsNamingTheParameter() {
    assertProblem("/api/lessons/reports/period?period=2026-Q5", 400, "period");
    assertProblem("/api/lessons/reports/period?period=26", 400, "period");
    assertProblem("/api/lessons/reports/period?from=2026-10-01", 400, "to");
    assertProblem("/api/lessons/reports/period?from=2026-10-01&to=2026-09-30", 400, "to");
    assertProblem("/api/lessons/reports/period?from=2026-13-01&to=2026-12-31", 400, "from");
    assertProblem("/api/lessons/reports/period?from=2020-01-01&to=2026-12-31", 400, "to");
    assertProblem("/api/lessons/reports/period?period=2026&from=2026-01-01", 400, "period");
    assertProblem("/api/lessons/reports/period?period=2026&format=docx", 400, "format");
    assertProblem("/api/lessons/reports/period?period=2026&colour=red", 400, "colour");
    HttpResponse<String> unknown =
        api.get("/api/lessons/reports/incidents/" + UUID.randomUUID(), "management");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }

  @Test
  void theAcceptHeaderChoosesTheFormat() throws Exception {
    String path = "/api/lessons/reports/period?period=2026";
    assertThat(contentType(fetch(path, "management", "application/pdf")))
        .startsWith("application/pdf");
    assertThat(contentType(fetch(path, "management", "application/json")))
        .startsWith("application/json");
    assertThat(contentType(fetch(path, "management", "text/html,application/xhtml+xml,*/*;q=0.8")))
        .startsWith("text/html");
    assertThat(contentType(fetch(path, "management", "*/*"))).startsWith("text/html");
  }

  private void assertProblem(String path, int status, String field) {
    HttpResponse<String> response = api.get(path, "management");
    assertThat(response.statusCode()).as(path).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(response.body()).as(path).contains("\"" + field + "\"");
  }

  private static String contentType(HttpResponse<?> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return response.headers().firstValue("Content-Type").orElseThrow();
  }

  private <T> HttpResponse<T> fetchAs(
      String path, String role, String accept, HttpResponse.BodyHandler<T> body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Bearer " + TestInfrastructure.get().token(role))
            .header("Accept", accept)
            .GET()
            .build(),
        body);
  }

  private HttpResponse<String> fetch(String path, String role, String accept) throws Exception {
    return fetchAs(path, role, accept, HttpResponse.BodyHandlers.ofString());
  }

  private static String base() {
    return "http://localhost:" + System.getProperty("herstel.it.http.port");
  }

  private String registerProcess(String name, Duration rto) {
    String processId = UUID.randomUUID().toString();
    String ceId =
        send(
            new ProcessRegistered(
                processId,
                name,
                null,
                true,
                true,
                "CFO",
                Duration.ofHours(24),
                rto,
                Duration.ofHours(1),
                Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ItDatabase.count("SELECT count(*) FROM inbox_message WHERE message_id = ?", ceId)
                    == 1);
    return processId;
  }

  /** Publishes the event as its producer would and returns its CloudEvent id. */
  private static String send(IntegrationEvent event) {
    var type = EventTypes.of(event.getClass());
    String ceId = UUID.randomUUID().toString();
    ItKafka.publish(
        type.topic().defaultName(),
        event.subject(),
        ContractJson.write(event),
        type.type(),
        ceId,
        "urn:herstel:it");
    return ceId;
  }
}
