package nl.herstel.plans.bundle;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.herstel.plans.api.PlanContent;
import nl.herstel.plans.api.PlanContent.Contact;
import nl.herstel.plans.api.PlanContent.ContactChannel;
import nl.herstel.plans.api.ScenarioCard;
import nl.herstel.plans.api.Step;
import nl.herstel.plans.query.InventoryItem;
import nl.herstel.plans.query.PlanBundleSource;
import nl.herstel.plans.query.PlanView.BundleRecord;
import nl.herstel.plans.query.PlanView.SupplierCheck;
import nl.herstel.plans.query.ReadinessView;
import nl.herstel.platform.document.Documents;

/**
 * Renders a published plan as one self-contained XHTML page (inline style, no scripts, nothing
 * fetched) and, from the same page, a PDF: what a recovery team reads at 3 a.m. with the network
 * down (DOMAIN.md, step 2: "always ready and current, protected yet available"). Every page says
 * which version it is and when it was taken.
 */
public final class BundleRenderer {
  private static final String STYLE =
      "body{font-family:sans-serif;font-size:10pt;margin:1.5em}"
          + "h1{font-size:18pt;margin-bottom:0}h2{font-size:13pt;border-bottom:1px solid #444;"
          + "margin-top:1.4em}h3{font-size:11pt}table{border-collapse:collapse;width:100%}"
          + "th,td{border:1px solid #999;padding:3px 5px;text-align:left;vertical-align:top}"
          + "th{background:#eee}.meta{color:#444}.oob{font-weight:bold}.flag{color:#b00;"
          + "font-weight:bold}";

  private BundleRenderer() {}

  /** The plan as one XHTML document. */
  public static String html(PlanBundleSource plan, Instant takenAt, String keyFingerprint) {
    PlanContent c = plan.content();
    Map<String, Contact> contacts = new HashMap<>();
    c.contacts().forEach(contact -> contacts.put(contact.id(), contact));
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
        .append("<meta charset=\"UTF-8\"/><title>")
        .append(e(c.name()))
        .append(" - version ")
        .append(plan.publishedVersion())
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>");
    h.append("<h1 id=\"plan\">").append(e(c.name())).append("</h1>");
    h.append("<p class=\"meta\" id=\"meta\">Recovery plan ")
        .append(e(plan.planId()))
        .append(", <span id=\"version\">version ")
        .append(plan.publishedVersion())
        .append("</span>, published ")
        .append(plan.publishedAt())
        .append(". <span id=\"taken\">Bundle taken ")
        .append(takenAt)
        .append("</span>. Owner: ")
        .append(e(c.owner()))
        .append(". Next review: ")
        .append(c.reviewDue() == null ? "-" : c.reviewDue().toString())
        .append(". Signed with OpenPGP key ")
        .append(e(keyFingerprint))
        .append(" (verify: gpg --verify plan.html.asc plan.html).</p>");
    if (c.description() != null) {
      h.append("<p>").append(e(c.description())).append("</p>");
    }

    section(h, "scope", "Scope: the business processes this plan recovers");
    table(
        h,
        List.of("Process", "Crown jewel", "RTO", "MTPD", "RPO"),
        plan.processes(),
        p ->
            List.of(
                e(p.name()), p.crownJewel() ? "yes" : "no", d(p.rto()), d(p.mtpd()), d(p.rpo())));

    section(h, "activation", "Activation and termination");
    h.append("<p>May be activated by: ").append(e(String.join(", ", c.activationRoles())));
    h.append("</p><h3>Activate when</h3>");
    list(h, c.activationCriteria());
    h.append("<h3>Recovery ends when</h3>");
    list(h, c.terminationCriteria());

    section(h, "mandates", "Decision mandates");
    table(
        h,
        List.of("Role", "Decision", "Limits"),
        c.mandates(),
        m -> List.of(e(m.role()), e(m.decision().name()), e(m.description())));

    section(h, "call-tree", "Call tree");
    table(
        h,
        List.of("#", "Who", "How to reach (out of band in bold)", "Next after", "Then calls"),
        indexed(c.callTree()),
        entry -> {
          Contact contact = contacts.get(entry.value().contactId());
          return List.of(
              Integer.toString(entry.index() + 1),
              e(contact == null ? entry.value().contactId() : describe(contact)),
              contact == null ? "" : channels(contact.channels()),
              d(entry.value().escalateAfter()),
              e(
                  String.join(
                      ", ",
                      entry.value().calls().stream()
                          .map(id -> contacts.containsKey(id) ? contacts.get(id).name() : id)
                          .toList())));
        });

    section(h, "organisation", "Recovery organisation");
    for (PlanContent.Team team : c.teams()) {
      h.append("<h3>").append(e(team.name())).append(" (").append(team.kind()).append(")</h3>");
      table(
          h,
          List.of("Member", "Role", "Deputy"),
          team.members(),
          m ->
              List.of(
                  e(name(contacts, m.contactId())),
                  e(m.role()),
                  m.deputyContactId() == null ? "" : e(name(contacts, m.deputyContactId()))));
    }

    section(h, "contacts", "Contacts");
    table(
        h,
        List.of("Name", "Organisation", "Function", "Channels"),
        c.contacts(),
        contact ->
            List.of(
                e(contact.name()),
                e(contact.organisation()),
                e(contact.function()),
                channels(contact.channels())));

    section(h, "suppliers", "Suppliers and agreements");
    Map<String, SupplierCheck> checks = new HashMap<>();
    plan.supplierChecks().forEach(check -> checks.put(check.supplierId(), check));
    table(
        h,
        List.of(
            "Supplier",
            "Role in the recovery",
            "Contract / SLA",
            "Guarantee",
            "Required RTO",
            "Contact"),
        c.suppliers(),
        s -> {
          SupplierCheck check = checks.get(s.id());
          boolean slow = check != null && Boolean.FALSE.equals(check.meetsRto());
          return List.of(
              e(s.name()),
              e(s.role()),
              e(s.contractReference()) + " / " + e(s.slaReference()),
              (slow ? "<span class=\"flag\">" : "")
                  + d(check == null ? s.guaranteedRecoveryTime() : check.guaranteedRecoveryTime())
                  + (slow ? " - slower than the RTO</span>" : ""),
              d(check == null ? null : check.requiredRto()),
              s.contactId() == null || !contacts.containsKey(s.contactId())
                  ? ""
                  : e(contacts.get(s.contactId()).name())
                      + " "
                      + channels(contacts.get(s.contactId()).channels()));
        });

    section(h, "communication", "Communication plan");
    PlanContent.CommunicationPlan comms = c.communication();
    if (comms != null) {
      h.append("<p>Fallback location: ").append(e(comms.fallbackLocation())).append("</p>");
      h.append("<h3>Out-of-band means</h3>");
      list(h, comms.outOfBandMeans());
      h.append("<h3>Audiences</h3>");
      table(
          h,
          List.of("Audience", "Why", "Channels"),
          comms.audiences(),
          a ->
              List.of(
                  e(a.name()),
                  e(a.why()),
                  e(String.join(", ", a.channels().stream().map(Enum::name).toList()))));
      h.append("<h3>Prepared messages</h3>");
      for (PlanContent.MessageTemplate t : comms.templates()) {
        h.append("<p><b>")
            .append(t.scenario())
            .append(" - ")
            .append(e(t.audience()))
            .append(": ")
            .append(e(t.subject()))
            .append("</b><br/>")
            .append(e(t.body()))
            .append("</p>");
      }
    }

    section(h, "scenario-cards", "Scenario cards");
    for (ScenarioCard card : c.scenarioCards()) {
      h.append("<h3 id=\"card-")
          .append(e(card.id()))
          .append("\">")
          .append(e(card.title()))
          .append(" (")
          .append(card.scenario())
          .append(")</h3>");
      table(
          h,
          List.of("#", "Step", "Role", "Expected", "After", "Instructions"),
          card.steps(),
          (Step s) ->
              List.of(
                  s.order() == null ? "" : s.order().toString(),
                  e(s.title()),
                  e(s.role()),
                  d(s.expectedDuration()),
                  e(String.join(", ", s.dependsOn())),
                  e(s.instructions())));
    }

    section(h, "inventory", "Systems and applications, by business impact");
    table(
        h,
        List.of("#", "System", "Kind", "Depends on", "Suppliers", "Processes", "Strictest RTO"),
        plan.inventory(),
        (InventoryItem i) ->
            List.of(
                Integer.toString(i.rank()),
                e(i.name()),
                e(i.kind()),
                e(String.join(", ", i.dependsOn().stream().map(InventoryItem.Ref::name).toList())),
                e(String.join(", ", i.suppliers().stream().map(InventoryItem.Ref::name).toList())),
                e(String.join(", ", i.processes().stream().map(InventoryItem.Ref::name).toList())),
                d(i.strictestRto())));

    section(h, "readiness", "Readiness of the covered processes when this bundle was taken");
    for (ReadinessView.ProcessReadiness p : plan.readiness()) {
      h.append("<h3>").append(e(p.name())).append(": ").append(p.outcome()).append("</h3>");
      table(
          h,
          List.of("Check", "Outcome", "Why"),
          p.checks(),
          (ReadinessView.Check check) ->
              List.of(e(check.check().name()), check.outcome().name(), e(check.reason())));
    }
    if (plan.readiness().isEmpty()) {
      h.append("<p>-</p>");
    }

    section(h, "bundles", "Bundles taken of this plan before");
    table(
        h,
        List.of("Taken", "Version", "Format", "Encrypted", "SHA-256", "By"),
        plan.earlierBundles(),
        (BundleRecord b) ->
            List.of(
                b.takenAt().toString(),
                Integer.toString(b.version()),
                e(b.format()),
                b.encrypted() ? "yes" : "no",
                e(b.sha256()),
                e(b.takenBy())));
    h.append("</body></html>\n");
    return h.toString();
  }

  /** The same document as a PDF. */
  public static byte[] pdf(String html) {
    return Documents.pdf(html, "the plan");
  }

  private record Indexed<T>(int index, T value) {}

  private static <T> List<Indexed<T>> indexed(List<T> values) {
    return java.util.stream.IntStream.range(0, values.size())
        .mapToObj(i -> new Indexed<>(i, values.get(i)))
        .toList();
  }

  private static void section(StringBuilder h, String id, String title) {
    h.append("<h2 id=\"").append(id).append("\">").append(e(title)).append("</h2>");
  }

  private static void list(StringBuilder h, List<String> items) {
    if (items.isEmpty()) {
      h.append("<p>-</p>");
      return;
    }
    h.append("<ul>");
    items.forEach(i -> h.append("<li>").append(e(i)).append("</li>"));
    h.append("</ul>");
  }

  private static <T> void table(
      StringBuilder h, List<String> headers, List<T> rows, Function<T, List<String>> cells) {
    if (rows.isEmpty()) {
      h.append("<p>-</p>");
      return;
    }
    h.append("<table><thead><tr>");
    headers.forEach(head -> h.append("<th>").append(e(head)).append("</th>"));
    h.append("</tr></thead><tbody>");
    for (T row : rows) {
      h.append("<tr>");
      cells.apply(row).forEach(cell -> h.append("<td>").append(cell).append("</td>"));
      h.append("</tr>");
    }
    h.append("</tbody></table>");
  }

  private static String channels(List<ContactChannel> channels) {
    StringBuilder s = new StringBuilder();
    for (ContactChannel channel : channels) {
      if (s.length() > 0) {
        s.append("<br/>");
      }
      boolean oob = channel.kind().outOfBand();
      s.append(oob ? "<span class=\"oob\">" : "")
          .append(channel.kind())
          .append(": ")
          .append(e(channel.address()))
          .append(oob ? "</span>" : "");
    }
    return s.toString();
  }

  private static String describe(Contact contact) {
    StringBuilder s = new StringBuilder(contact.name());
    if (contact.function() != null) {
      s.append(", ").append(contact.function());
    }
    if (contact.organisation() != null) {
      s.append(" (").append(contact.organisation()).append(")");
    }
    return s.toString();
  }

  private static String name(Map<String, Contact> contacts, String id) {
    Contact contact = contacts.get(id);
    return contact == null ? id : contact.name();
  }

  private static String d(Duration duration) {
    return duration == null ? "" : duration.toString();
  }

  /** XML-escapes text; null is empty. */
  static String e(String text) {
    return Documents.escape(text);
  }
}
