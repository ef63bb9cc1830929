package nl.herstel.lessons.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.herstel.lessons.query.ManagementReport;
import nl.herstel.lessons.query.ManagementReport.ActionLine;
import nl.herstel.lessons.query.ManagementReport.BiaChange;
import nl.herstel.lessons.query.ManagementReport.CategoryCount;
import nl.herstel.lessons.query.ManagementReport.CostLine;
import nl.herstel.lessons.query.ManagementReport.EvaluationDigest;
import nl.herstel.lessons.query.ManagementReport.Finding;
import nl.herstel.lessons.query.ManagementReport.IncidentLine;
import nl.herstel.lessons.query.ManagementReport.Money;
import nl.herstel.lessons.query.ManagementReport.Notifications;
import nl.herstel.lessons.query.ManagementReport.ProcessOutcome;
import nl.herstel.lessons.query.ManagementReport.Scope;
import nl.herstel.lessons.query.ManagementReport.Summary;
import nl.herstel.lessons.query.ManagementReport.TrendPoint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportRendererTest {
  private static final List<Money> COSTS = List.of(new Money(new BigDecimal("48250.00"), "EUR"));

  @Test
  void theWebPageIsWellFormedXhtmlWithEverySectionAndItsCharts() throws Exception {
    String html = ReportRenderer.html(report());

    var document =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    assertThat(document.getDocumentElement().getNodeName()).isEqualTo("html");
    assertThat(html)
        .doesNotContain("<script")
        .contains("id=\"recovery-chart\"", "id=\"trend-chart\"", "id=\"cost-chart\"")
        .contains("Customer portal", "11h", "8h", "EUR 48,250.00")
        .contains("Rebuild the portal from immutable images")
        .contains("ACCEPTED", "REJECTED")
        .contains("Do we have the right means, or must we invest?")
        .contains("&lt;script&gt;");
  }

  @Test
  void thePdfHasPagesWithTheFiguresAndTheChartsDrawn() throws Exception {
    byte[] pdf = ReportRenderer.pdf(report());

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("Executive summary", "Customer portal", "11h", "48,250.00", "ACCEPTED");
      PDFRenderer renderer = new PDFRenderer(document);
      BufferedImage first = renderer.renderImageWithDPI(0, 60);
      assertThat(first.getWidth()).isGreaterThan(300);
      // The recovery chart draws a breach in red (#c0392b): those pixels exist only if the inline
      // SVG was rendered, not dropped.
      int red = 0;
      for (int page = 0; page < document.getNumberOfPages(); page++) {
        BufferedImage image = renderer.renderImageWithDPI(page, 60);
        for (int y = 0; y < image.getHeight(); y++) {
          for (int x = 0; x < image.getWidth(); x++) {
            int rgb = image.getRGB(x, y) & 0xffffff;
            if (Math.abs(((rgb >> 16) & 0xff) - 0xc0) < 12
                && Math.abs(((rgb >> 8) & 0xff) - 0x39) < 12
                && Math.abs((rgb & 0xff) - 0x2b) < 12) {
              red++;
            }
          }
        }
      }
      assertThat(red).isGreaterThan(50);
    }
  }

  @Test
  void anEmptyPeriodSaysSoInWords() {
    var empty =
        new ManagementReport(
            Scope.PERIOD,
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 3, 31),
            null,
            "Recovery report 2026-Q1",
            Instant.parse("2026-04-01T08:00:00Z"),
            new Summary(
                0, 0, 0, 0, null, null, null, null, null, null, List.of(), 0, 0, 0, 0, 0, 0),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            new Notifications(0, 0, 0, 0, 0),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());

    assertThat(ReportRenderer.summaryText(empty))
        .isEqualTo("No incidents disrupted business processes in this period.");
    assertThat(ReportRenderer.html(empty)).contains("No costs were recorded.");
  }

  @Test
  void durationsReadAsPeopleWriteThem() {
    assertThat(ReportRenderer.readable(Duration.ofHours(11))).isEqualTo("11h");
    assertThat(ReportRenderer.readable(Duration.ofMinutes(90))).isEqualTo("1h 30m");
    assertThat(ReportRenderer.readable(Duration.ofHours(52))).isEqualTo("2d 4h");
    assertThat(ReportRenderer.readable(null)).isEqualTo("—");
  }

  static ManagementReport report() {
    return new ManagementReport(
        Scope.PERIOD,
        LocalDate.of(2026, 10, 1),
        LocalDate.of(2026, 12, 31),
        null,
        "Recovery report 2026-Q4",
        Instant.parse("2027-01-02T09:00:00Z"),
        new Summary(
            3,
            1,
            2,
            3,
            1.0 / 3,
            1.0,
            0.5,
            Duration.ofMinutes(40),
            Duration.ofHours(1),
            Duration.ofHours(9),
            COSTS,
            2,
            1,
            1,
            1,
            1,
            0),
        List.of(
            new ProcessOutcome(
                "p1",
                "Customer portal",
                2,
                Duration.ofHours(11),
                Duration.ofHours(9),
                Duration.ofHours(8),
                Duration.ofHours(24),
                1,
                0,
                Duration.ofHours(6),
                Duration.ofHours(4),
                1),
            new ProcessOutcome(
                "p2",
                "Payments <script>",
                1,
                Duration.ofHours(3),
                Duration.ofHours(3),
                Duration.ofHours(4),
                Duration.ofHours(12),
                0,
                0,
                null,
                null,
                0)),
        List.of(
            new TrendPoint(
                "2026-10", LocalDate.of(2026, 10, 1), 1, 1, 1, Duration.ofHours(3), List.of()),
            new TrendPoint("2026-11", LocalDate.of(2026, 11, 1), 0, 0, 0, null, List.of()),
            new TrendPoint(
                "2026-12", LocalDate.of(2026, 12, 1), 2, 2, 0, Duration.ofHours(11), COSTS)),
        List.of(new CategoryCount("RANSOMWARE", 2), new CategoryCount("PHISHING", 1)),
        List.of(
            new CostLine("LABOUR", new BigDecimal("30000.00"), "EUR"),
            new CostLine("HARDWARE", new BigDecimal("18250.00"), "EUR")),
        new Notifications(2, 1, 1, 0, 0),
        List.of(
            new IncidentLine(
                "i1",
                "Ransomware on the portal",
                "CRITICAL",
                "RANSOMWARE",
                Instant.parse("2026-12-03T02:00:00Z"),
                Instant.parse("2026-12-04T10:00:00Z"),
                Duration.ofHours(11),
                1,
                COSTS)),
        List.of(
            new EvaluationDigest(
                "i1",
                "FINAL",
                LocalDate.of(2026, 12, 10),
                "Out-of-band call tree worked",
                "Phishing mail, encrypted portal database",
                "Immutable snapshots",
                "No tested runbook for the portal")),
        List.of(
            new ActionLine(
                "a1",
                "Rebuild the portal from immutable images",
                "CIO",
                "HIGH",
                "OPEN",
                LocalDate.of(2026, 12, 20),
                true,
                "PLAN",
                "Portal recovery plan",
                "i1"),
            new ActionLine(
                "a2",
                "Train the service desk",
                "HR",
                "MEDIUM",
                "DONE",
                LocalDate.of(2027, 1, 20),
                false,
                "TRAINING",
                null,
                "i1")),
        List.of(
            new BiaChange(
                "r1",
                "RTO",
                "Customer portal",
                "PT8H",
                "PT12H",
                "ACCEPTED",
                "CFO",
                Instant.parse("2026-12-12T10:00:00Z"),
                "i1"),
            new BiaChange(
                "r2",
                "RPO",
                "Customer portal",
                "PT4H",
                "PT6H",
                "REJECTED",
                "CFO",
                Instant.parse("2026-12-12T10:05:00Z"),
                "i1")),
        List.of(
            new Finding(
                "INVEST",
                "Customer portal missed its RTO of 8h in 1 of 2 incidents (longest 11h).")));
  }
}
