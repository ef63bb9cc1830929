package nl.herstel.lessons.report;

import static nl.herstel.platform.document.Documents.escape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import nl.herstel.lessons.query.ManagementReport;
import nl.herstel.lessons.query.ManagementReport.ActionLine;
import nl.herstel.lessons.query.ManagementReport.BiaChange;
import nl.herstel.lessons.query.ManagementReport.CostLine;
import nl.herstel.lessons.query.ManagementReport.Finding;
import nl.herstel.lessons.query.ManagementReport.IncidentLine;
import nl.herstel.lessons.query.ManagementReport.Money;
import nl.herstel.lessons.query.ManagementReport.ProcessOutcome;
import nl.herstel.lessons.query.ManagementReport.Scope;
import nl.herstel.lessons.query.ManagementReport.Summary;
import nl.herstel.lessons.query.ManagementReport.TrendPoint;
import nl.herstel.platform.document.Documents;

/**
 * Writes the management report as one XHTML page: readable without JavaScript, charts as inline SVG
 * with a table of the same figures beside each (for screen readers and for copying), printable, and
 * the source of the PDF, so the web page and the PDF never tell different stories.
 */
public final class ReportRenderer {
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final String STYLE =
      """
      @page { size: A4; margin: 18mm 16mm; }
      body { font-family: sans-serif; font-size: 10.5pt; color: #1a1a1a; line-height: 1.4; }
      h1 { font-size: 19pt; margin: 0 0 2pt 0; }
      h2 { font-size: 13.5pt; margin: 16pt 0 5pt 0; border-bottom: 1px solid #999; }
      h3 { font-size: 11pt; margin: 10pt 0 3pt 0; }
      .meta { color: #444; margin: 0 0 8pt 0; }
      table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; }
      th, td { border: 1px solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; }
      th { background: #eceff3; }
      td.n, th.n { text-align: right; }
      .kpis td { width: 25%; }
      .kpi { font-size: 15pt; font-weight: bold; display: block; }
      .bad { color: #a4000f; font-weight: bold; }
      .good { color: #0b5d1e; }
      .finding { margin: 3pt 0; padding: 4pt 6pt; border-left: 4px solid #777; background: #f6f6f6; }
      .finding.INVEST { border-color: #a4000f; }
      .finding.IMPROVE { border-color: #b35c00; }
      .finding.ON_TRACK { border-color: #0b5d1e; }
      svg { display: block; margin: 4pt 0; }
      .empty { color: #555; font-style: italic; }
      """;

  private ReportRenderer() {}

  /** The report as an XHTML document. */
  public static String html(ManagementReport report) {
    StringBuilder h = new StringBuilder(32 * 1024);
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
        .append("<meta charset=\"UTF-8\"/>")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        .append("<title>")
        .append(escape(report.title()))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body><main>");
    h.append("<h1 id=\"title\">").append(escape(report.title())).append("</h1>");
    h.append("<p class=\"meta\" id=\"meta\">")
        .append(report.scope() == Scope.PERIOD ? "Period " : "Incident ")
        .append(
            report.scope() == Scope.PERIOD
                ? report.from() + " to " + report.to()
                : escape(report.incidentId()))
        .append(" · figures as of ")
        .append(MOMENT.format(report.generatedAt()))
        .append("</p>");

    // Each section method opens its <section>; it is closed here, whatever the method wrote.
    summary(h, report);
    h.append("</section>");
    findings(h, report.findings());
    h.append("</section>");
    processes(h, report.processes());
    h.append("</section>");
    if (report.scope() == Scope.PERIOD) {
      trend(h, report.trend());
      h.append("</section>");
    }
    costs(h, report);
    h.append("</section>");
    notifications(h, report);
    h.append("</section>");
    evaluations(h, report);
    h.append("</section>");
    actions(h, report.actions());
    h.append("</section>");
    biaChanges(h, report.biaChanges());
    h.append("</section>");
    if (report.scope() == Scope.PERIOD) {
      incidents(h, report.incidents(), report.summary().incidents());
      h.append("</section>");
    }
    h.append("</main></body></html>\n");
    return h.toString();
  }

  /** The same report as a PDF. */
  public static byte[] pdf(ManagementReport report) {
    return Documents.pdf(html(report), "the management report");
  }

  // ---- sections ----

  private static void summary(StringBuilder h, ManagementReport report) {
    Summary s = report.summary();
    section(h, "summary", "Executive summary");
    h.append("<p id=\"summary-text\">").append(escape(summaryText(report))).append("</p>");
    h.append("<table class=\"kpis\" id=\"kpis\"><tr>");
    kpi(h, "Incidents", Integer.toString(s.incidents()));
    kpi(h, "Processes disrupted", Integer.toString(s.processesDisrupted()));
    kpi(h, "Recovered within RTO", share(s.rtoMetShare()));
    kpi(h, "Total cost", money(s.totalCosts()));
    h.append("</tr><tr>");
    kpi(h, "Within MTPD", share(s.mtpdMetShare()));
    kpi(h, "Data loss within RPO", share(s.rpoMetShare()));
    kpi(h, "Mean time to recover", readable(s.meanTimeToRecover()));
    kpi(h, "Open actions (overdue)", s.actionsOpen() + " (" + s.actionsOverdue() + ")");
    h.append("</tr></table>");
    h.append("<table id=\"times\"><tr><th>Mean time to detect</th><th>Mean time to activate the")
        .append(" plan</th><th>Mean time to recover</th><th>BIA changes accepted / rejected /")
        .append(" pending</th></tr><tr><td>")
        .append(readable(s.meanTimeToDetect()))
        .append("</td><td>")
        .append(readable(s.meanTimeToActivate()))
        .append("</td><td>")
        .append(readable(s.meanTimeToRecover()))
        .append("</td><td>")
        .append(s.biaChangesAccepted())
        .append(" / ")
        .append(s.biaChangesRejected())
        .append(" / ")
        .append(s.biaChangesPending())
        .append("</td></tr></table>");
  }

  /** The summary in words, as management would say it. */
  static String summaryText(ManagementReport report) {
    Summary s = report.summary();
    if (s.incidents() == 0) {
      return report.scope() == Scope.PERIOD
          ? "No incidents disrupted business processes in this period."
          : "This incident disrupted no business process that lessons-service measured.";
    }
    StringBuilder t = new StringBuilder();
    if (report.scope() == Scope.PERIOD) {
      t.append(s.incidents())
          .append(s.incidents() == 1 ? " incident" : " incidents")
          .append(" disrupted ");
    } else {
      t.append("The incident disrupted ");
    }
    t.append(s.processesDisrupted())
        .append(s.processesDisrupted() == 1 ? " business process" : " business processes")
        .append(".");
    long breaches = report.processes().stream().mapToInt(ProcessOutcome::rtoBreaches).sum();
    if (s.restorations() > 0) {
      t.append(" Of ")
          .append(s.restorations())
          .append(s.restorations() == 1 ? " recovery, " : " recoveries, ")
          .append(breaches)
          .append(breaches == 1 ? " took" : " took")
          .append(" longer than the RTO allows");
      long mtpd = report.processes().stream().mapToInt(ProcessOutcome::mtpdBreaches).sum();
      if (mtpd > 0) {
        t.append(", ").append(mtpd).append(" even longer than the MTPD");
      }
      t.append(".");
    }
    long rpo = report.processes().stream().mapToInt(ProcessOutcome::rpoBreaches).sum();
    if (rpo > 0) {
      t.append(" ")
          .append(rpo)
          .append(rpo == 1 ? " restoration lost" : " restorations lost")
          .append(" more data than the RPO allows.");
    }
    if (!s.totalCosts().isEmpty()) {
      t.append(" The recorded costs are ").append(money(s.totalCosts())).append(".");
    }
    t.append(" ")
        .append(s.actionsOpen())
        .append(s.actionsOpen() == 1 ? " improvement action is" : " improvement actions are")
        .append(" open");
    if (s.actionsOverdue() > 0) {
      t.append(", ").append(s.actionsOverdue()).append(" of them overdue");
    }
    t.append("; ").append(s.actionsDone()).append(" done.");
    if (s.biaChangesAccepted() + s.biaChangesRejected() + s.biaChangesPending() > 0) {
      t.append(" The lessons led to ")
          .append(s.biaChangesAccepted())
          .append(" accepted and ")
          .append(s.biaChangesRejected())
          .append(" rejected changes to the BIA (")
          .append(s.biaChangesPending())
          .append(" pending).");
    }
    return t.toString();
  }

  private static void findings(StringBuilder h, List<Finding> findings) {
    section(h, "investment", "Do we have the right means, or must we invest?");
    if (findings.isEmpty()) {
      empty(h, "No findings: nothing in scope fell short of the targets.");
      return;
    }
    for (Finding f : findings) {
      h.append("<p class=\"finding ")
          .append(escape(f.kind()))
          .append("\"><strong>")
          .append(
              switch (f.kind()) {
                case "INVEST" -> "Invest: ";
                case "IMPROVE" -> "Improve: ";
                default -> "On track: ";
              })
          .append("</strong>")
          .append(escape(f.text()))
          .append("</p>");
    }
  }

  private static void processes(StringBuilder h, List<ProcessOutcome> processes) {
    section(h, "processes", "Impact on processes against their targets");
    if (processes.isEmpty()) {
      empty(h, "No process restorations were measured.");
      return;
    }
    h.append(recoveryChart(processes));
    table(
        h,
        "process-table",
        List.of(
            "Process",
            "Disruptions",
            "Longest recovery",
            "RTO",
            "RTO breaches",
            "MTPD breaches",
            "Largest data loss",
            "RPO",
            "RPO breaches"),
        processes,
        p ->
            List.of(
                escape(p.name() != null ? p.name() : p.processId()),
                n(p.disruptions()),
                flagged(readable(p.longestRecovery()), p.rtoBreaches() > 0),
                readable(p.rto()),
                n(p.rtoBreaches()),
                n(p.mtpdBreaches()),
                flagged(readable(p.largestDataLoss()), p.rpoBreaches() > 0),
                readable(p.rpo()),
                n(p.rpoBreaches())));
  }

  /** Horizontal bars: the longest recovery per process, with its RTO as a marker. */
  static String recoveryChart(List<ProcessOutcome> processes) {
    int rowHeight = 22;
    int labelWidth = 170;
    int barWidth = 330;
    List<ProcessOutcome> rows = processes.stream().limit(15).toList();
    long max = 1;
    for (ProcessOutcome p : rows) {
      max = Math.max(max, seconds(p.longestRecovery()));
      max = Math.max(max, seconds(p.rto()));
    }
    int height = rows.size() * rowHeight + 26;
    StringBuilder s = new StringBuilder();
    svgOpen(
        s,
        "recovery-chart",
        labelWidth + barWidth + 90,
        height,
        "Longest recovery time per process (bar) against its RTO (black line)");
    int y = 4;
    for (ProcessOutcome p : rows) {
      long actual = seconds(p.longestRecovery());
      int w = (int) Math.round(barWidth * (double) actual / max);
      boolean breached = p.rtoBreaches() > 0;
      s.append(text(4, y + 15, truncate(p.name() != null ? p.name() : p.processId(), 26)));
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"%s\"/>",
              labelWidth,
              y + 3,
              Math.max(w, 1),
              breached ? "#c0392b" : "#2e7d32"));
      if (p.rto() != null) {
        int x = labelWidth + (int) Math.round(barWidth * (double) seconds(p.rto()) / max);
        s.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" stroke-width=\"2\"/>",
                x,
                y,
                x,
                y + 20));
      }
      s.append(text(labelWidth + barWidth + 6, y + 15, readable(p.longestRecovery())));
      y += rowHeight;
    }
    s.append(text(4, y + 14, "Red: longer than the RTO. Black line: the RTO."));
    s.append("</svg>");
    return s.toString();
  }

  private static void trend(StringBuilder h, List<TrendPoint> trend) {
    section(h, "trend", "Trend");
    if (trend.isEmpty()) {
      empty(h, "No incidents in this period.");
      return;
    }
    h.append(trendChart(trend));
    table(
        h,
        "trend-table",
        List.of("Period", "Incidents", "Recoveries", "Within RTO", "Mean time to recover", "Costs"),
        trend,
        t ->
            List.of(
                escape(t.label()),
                n(t.incidents()),
                n(t.restorations()),
                n(t.rtoMet()),
                readable(t.meanTimeToRecover()),
                money(t.costs())));
  }

  /** Vertical bars: incidents per period; the darker part is the recoveries within the RTO. */
  static String trendChart(List<TrendPoint> trend) {
    int chartHeight = 120;
    int columnWidth = Math.max(18, Math.min(64, 520 / trend.size()));
    int max = 1;
    for (TrendPoint t : trend) {
      max = Math.max(max, Math.max(t.incidents(), t.restorations()));
    }
    int width = trend.size() * columnWidth + 40;
    StringBuilder s = new StringBuilder();
    svgOpen(
        s,
        "trend-chart",
        width,
        chartHeight + 44,
        "Incidents per period (grey) and recoveries within the RTO (green)");
    int x = 30;
    for (TrendPoint t : trend) {
      int hi = (int) Math.round((double) chartHeight * t.incidents() / max);
      int hm = (int) Math.round((double) chartHeight * t.rtoMet() / max);
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#9aa5b1\"/>",
              x,
              8 + chartHeight - hi,
              columnWidth / 2 - 2,
              Math.max(hi, 0)));
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#2e7d32\"/>",
              x + columnWidth / 2 - 2,
              8 + chartHeight - hm,
              columnWidth / 2 - 2,
              Math.max(hm, 0)));
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"9\">%s</text>",
              x,
              chartHeight + 24,
              escape(truncate(t.label(), 8))));
      x += columnWidth;
    }
    s.append(text(2, 16, Integer.toString(max)));
    s.append(text(2, chartHeight + 8, "0"));
    s.append(text(30, chartHeight + 40, "Grey: incidents. Green: recoveries within the RTO."));
    s.append("</svg>");
    return s.toString();
  }

  private static void costs(StringBuilder h, ManagementReport report) {
    section(h, "costs", "Costs and incident categories");
    if (report.costs().isEmpty()) {
      empty(h, "No costs were recorded.");
    } else {
      h.append(costChart(report.costs()));
      table(
          h,
          "cost-table",
          List.of("Kind", "Amount", "Currency"),
          report.costs(),
          c -> List.of(escape(c.kind()), amount(c.amount()), escape(c.currency())));
    }
    if (!report.categories().isEmpty()) {
      table(
          h,
          "category-table",
          List.of("Category", "Incidents"),
          report.categories(),
          c -> List.of(escape(c.category()), n(c.incidents())));
    }
  }

  /** Horizontal bars: costs per kind, in the currency with the largest total. */
  static String costChart(List<CostLine> costs) {
    String currency =
        costs.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    CostLine::currency,
                    java.util.stream.Collectors.reducing(
                        BigDecimal.ZERO, CostLine::amount, BigDecimal::add)))
            .entrySet()
            .stream()
            .max(java.util.Map.Entry.comparingByValue())
            .map(java.util.Map.Entry::getKey)
            .orElse("EUR");
    List<CostLine> rows = costs.stream().filter(c -> c.currency().equals(currency)).toList();
    BigDecimal max =
        rows.stream().map(CostLine::amount).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
    if (max.signum() <= 0) {
      max = BigDecimal.ONE;
    }
    StringBuilder s = new StringBuilder();
    svgOpen(s, "cost-chart", 560, rows.size() * 22 + 8, "Costs per kind in " + currency);
    int y = 4;
    for (CostLine c : rows) {
      int w =
          c.amount()
              .multiply(BigDecimal.valueOf(330))
              .divide(max, 0, RoundingMode.HALF_UP)
              .intValue();
      s.append(text(4, y + 15, c.kind()));
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"110\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"#34568b\"/>",
              y + 3,
              Math.max(w, 1)));
      s.append(text(116 + Math.max(w, 1), y + 15, amount(c.amount()) + " " + currency));
      y += 22;
    }
    s.append("</svg>");
    return s.toString();
  }

  private static void notifications(StringBuilder h, ManagementReport report) {
    var n = report.notifications();
    section(h, "notifications", "Notifications to authorities");
    if (n.obligations() == 0) {
      empty(h, "No notification obligations.");
      return;
    }
    h.append("<table id=\"notification-table\"><tr><th class=\"n\">Obligations</th>")
        .append("<th class=\"n\">On time</th><th class=\"n\">Late</th>")
        .append("<th class=\"n\">Overdue, not submitted</th><th class=\"n\">Open</th></tr><tr>")
        .append(td(n(n.obligations())))
        .append(td(n(n.onTime())))
        .append(td(flagged(n(n.late()), n.late() > 0)))
        .append(td(flagged(n(n.overdue()), n.overdue() > 0)))
        .append(td(n(n.open())))
        .append("</tr></table>");
  }

  private static void evaluations(StringBuilder h, ManagementReport report) {
    section(h, "evaluations", "Evaluations");
    if (report.evaluations().isEmpty()) {
      empty(h, "No evaluations yet.");
      return;
    }
    for (var e : report.evaluations()) {
      h.append("<h3>Incident ")
          .append(escape(e.incidentId()))
          .append(" — ")
          .append(escape(e.status() == null ? "" : e.status().toLowerCase(Locale.ROOT)))
          .append(e.heldOn() == null ? "" : ", held " + e.heldOn())
          .append("</h3><table class=\"evaluation\">");
      row(h, "What went well", e.wentWell());
      row(h, "Cause and damage", e.causeAndDamage());
      row(h, "What helped the recovery", e.helped());
      row(h, "What hindered the recovery", e.hindered());
      h.append("</table>");
    }
  }

  private static void actions(StringBuilder h, List<ActionLine> actions) {
    section(h, "actions", "Improvement actions and their progress");
    if (actions.isEmpty()) {
      empty(h, "No improvement actions.");
      return;
    }
    table(
        h,
        "action-table",
        List.of("Action", "Improves", "Owner", "Priority", "Due", "Status"),
        actions,
        a ->
            List.of(
                escape(a.title()),
                escape(a.targetKind() + (a.targetName() == null ? "" : ": " + a.targetName())),
                escape(a.owner()),
                escape(a.priority()),
                flagged(a.dueDate() == null ? "" : a.dueDate().toString(), a.overdue()),
                escape(a.status()) + (a.overdue() ? " <span class=\"bad\">overdue</span>" : "")));
  }

  private static void biaChanges(StringBuilder h, List<BiaChange> changes) {
    section(h, "bia-changes", "Changes to the BIA that resulted");
    if (changes.isEmpty()) {
      empty(h, "No changes to the BIA were proposed.");
      return;
    }
    table(
        h,
        "bia-change-table",
        List.of("What", "Of", "Before", "Proposed", "Fate", "Decided by"),
        changes,
        c ->
            List.of(
                escape(c.kind()),
                escape(c.subjectName()),
                escape(c.before()),
                escape(c.after()),
                escape(c.status()),
                escape(c.decidedBy())
                    + (c.decidedAt() == null ? "" : ", " + MOMENT.format(c.decidedAt()))));
  }

  private static void incidents(StringBuilder h, List<IncidentLine> incidents, int total) {
    section(h, "incidents", "Incidents in this period");
    if (incidents.isEmpty()) {
      empty(h, "None.");
      return;
    }
    if (incidents.size() < total) {
      h.append("<p>The ")
          .append(incidents.size())
          .append(" of ")
          .append(total)
          .append(" incidents with the most breaches and the longest recoveries.</p>");
    }
    table(
        h,
        "incident-table",
        List.of("Incident", "Severity", "Category", "Disrupted", "Time to recover", "Costs"),
        incidents,
        i ->
            List.of(
                escape(i.title() != null ? i.title() : i.incidentId()),
                escape(i.severity()),
                escape(i.category()),
                i.disruptedAt() == null ? "" : MOMENT.format(i.disruptedAt()),
                flagged(readable(i.timeToRecover()), i.rtoBreaches() > 0),
                money(i.costs())));
  }

  // ---- building blocks ----

  private static void section(StringBuilder h, String id, String title) {
    h.append("<section aria-labelledby=\"h-")
        .append(id)
        .append("\" id=\"")
        .append(id)
        .append("\"><h2 id=\"h-")
        .append(id)
        .append("\">")
        .append(escape(title))
        .append("</h2>");
  }

  private static void empty(StringBuilder h, String text) {
    h.append("<p class=\"empty\">").append(escape(text)).append("</p>");
  }

  private static void kpi(StringBuilder h, String label, String value) {
    h.append("<td><span class=\"kpi\">")
        .append(escape(value))
        .append("</span>")
        .append(escape(label))
        .append("</td>");
  }

  private static void row(StringBuilder h, String label, String value) {
    h.append("<tr><th scope=\"row\">")
        .append(escape(label))
        .append("</th><td>")
        .append(escape(value == null ? "—" : value))
        .append("</td></tr>");
  }

  /** A table whose cells are XHTML already (escaped by the caller). */
  private static <T> void table(
      StringBuilder h,
      String id,
      List<String> heads,
      List<T> rows,
      Function<T, List<String>> cells) {
    h.append("<table id=\"").append(id).append("\"><thead><tr>");
    for (String head : heads) {
      h.append("<th scope=\"col\">").append(escape(head)).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (T row : rows) {
      h.append("<tr>");
      for (String cell : cells.apply(row)) {
        h.append("<td>").append(cell).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>");
  }

  private static String td(String cell) {
    return "<td class=\"n\">" + cell + "</td>";
  }

  private static String flagged(String text, boolean bad) {
    return bad ? "<span class=\"bad\">" + escape(text) + "</span>" : escape(text);
  }

  private static void svgOpen(StringBuilder s, String id, int width, int height, String title) {
    s.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\" role=\"img\""
                    + " aria-labelledby=\"%s-title\" width=\"%d\" height=\"%d\""
                    + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">",
                id,
                id,
                width,
                height,
                width,
                height))
        .append("<title id=\"")
        .append(id)
        .append("-title\">")
        .append(escape(title))
        .append("</title>");
  }

  private static String text(int x, int y, String text) {
    return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", x, y, escape(text));
  }

  private static String truncate(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static long seconds(Duration duration) {
    return duration == null ? 0 : duration.toSeconds();
  }

  private static String n(int value) {
    return Integer.toString(value);
  }

  private static String share(Double share) {
    return share == null ? "—" : Math.round(share * 100) + "%";
  }

  /** Amounts per currency, largest first: "€ 12,500.00 + USD 300.00". */
  static String money(List<Money> amounts) {
    if (amounts.isEmpty()) {
      return "—";
    }
    List<String> parts = new ArrayList<>();
    for (Money m : amounts) {
      parts.add(m.currency() + " " + amount(m.amount()));
    }
    return String.join(" + ", parts);
  }

  private static String amount(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,.2f", amount);
  }

  /** A duration as people read it: 11h 30m, 2d 4h, 45m; "—" when unknown. */
  static String readable(Duration duration) {
    if (duration == null) {
      return "—";
    }
    long days = duration.toDays();
    int hours = duration.toHoursPart();
    int minutes = duration.toMinutesPart();
    if (days > 0) {
      return days + "d" + (hours > 0 ? " " + hours + "h" : "");
    }
    if (hours > 0) {
      return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
    }
    if (minutes > 0) {
      return minutes + "m";
    }
    return duration.toSecondsPart() + "s";
  }

  /** When the report was read, for file names. */
  public static String stamp(Instant at) {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT)
        .withZone(ZoneOffset.UTC)
        .format(at);
  }
}
