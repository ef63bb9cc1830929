package nl.herstel.lessons.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.incidents.AffectedProcess;
import nl.herstel.contracts.incidents.CostRecorded;
import nl.herstel.contracts.incidents.DecisionRecorded;
import nl.herstel.contracts.incidents.IncidentClassified;
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.IncidentExtended;
import nl.herstel.contracts.incidents.IncidentMerged;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.contracts.incidents.IncidentTransitioned;
import nl.herstel.contracts.incidents.NotificationObligationRegistered;
import nl.herstel.contracts.incidents.NotificationOverdue;
import nl.herstel.contracts.incidents.NotificationSubmitted;
import nl.herstel.contracts.incidents.PlanActivated;
import nl.herstel.contracts.incidents.ProcessRestored;
import nl.herstel.contracts.incidents.RecoveryDeadlineBreached;
import nl.herstel.contracts.incidents.RecoveryTaskCreated;
import nl.herstel.contracts.incidents.RecoveryTaskStatusChanged;
import nl.herstel.contracts.incidents.Restoration;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItDatabase;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.ServiceClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * lessons-service keeps each incident's story from incident-service's contract events on real
 * Kafka, idempotently, and answers recovery information per incident and aggregated: an incident
 * merged into another is not counted twice, a dismissed one is reported apart, a redelivered event
 * changes nothing.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class IncidentStoryIT {
  private static final String INCIDENTS = "herstel.incidents.v1";
  private static final String SOURCE = "urn:herstel:incident-service";
  private static final Duration RTO = Duration.ofHours(4);
  private static final Duration MTPD = Duration.ofHours(24);
  private static final Duration RPO = Duration.ofHours(1);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void twoIncidentsAMergeAndADismissalGiveExactFiguresAndADuplicateChangesNothing()
      throws Exception {
    String payments = UUID.randomUUID().toString();
    String ceProcess = UUID.randomUUID().toString();
    send(
        new ProcessRegistered(
            payments, "Payments", null, true, true, "CFO", MTPD, RTO, RPO, Instant.now()),
        ceProcess,
        "herstel.bia.v1",
        "urn:herstel:bia-service");
    awaitApplied(ceProcess);
    String ledger = UUID.randomUUID().toString();
    String asset = "asset-" + UUID.randomUUID();
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    String c = UUID.randomUUID().toString();
    String d = UUID.randomUUID().toString();

    // A: February 2003; detected after 30 minutes, plan after 2 hours, Payments restored after
    // 10 hours (RTO 4h breached, MTPD met) with 3 hours of data lost (RPO 1h not met), recovered
    // after 11 hours, two costs, a notification on time, a task done, a decision.
    Instant aAt = Instant.parse("2003-02-10T08:00:00Z");
    send(
        opened(
            a, aAt, aAt.plus(minutes(30)), asset, process(payments, aAt), ledgerOf(ledger, aAt)));
    send(new IncidentClassified(a, "RANSOMWARE", null, "Ransom note", "ic", aAt.plus(minutes(40))));
    send(new IncidentTransitioned(a, "REPORTED", "TRIAGED", "Real", "ic", aAt.plus(minutes(50))));
    send(
        new PlanActivated(
            a,
            "plan-1",
            3,
            "Payments DRP",
            "RANSOMWARE",
            "Ransomware on payments",
            "incident-commander",
            "Confirmed",
            "dev-incident-commander",
            aAt.plus(hours(2))));
    send(
        new IncidentTransitioned(
            a,
            "TRIAGED",
            "PLAN_ACTIVATED",
            "Plan activated",
            "dev-incident-commander",
            aAt.plus(hours(2))));
    send(
        new RecoveryTaskCreated(
            a, "task-1", 1, "Isolate", "network-lead", "plan-1", "RANSOMWARE", aAt.plus(hours(2))));
    send(
        new RecoveryTaskStatusChanged(
            a, "task-1", "TODO", "IN_PROGRESS", "ann", aAt.plus(hours(3))));
    send(
        new RecoveryTaskStatusChanged(
            a, "task-1", "IN_PROGRESS", "DONE", "ann", aAt.plus(hours(4))));
    send(
        new DecisionRecorded(
            a,
            "dec-1",
            List.of("DB encrypted"),
            List.of("Backups clean?"),
            List.of("Restore", "Pay"),
            List.of("Reinfection"),
            "Restore",
            "Never pay",
            "incident-commander",
            "ic",
            aAt.plus(hours(3))));
    send(
        new RecoveryDeadlineBreached(
            a, payments, "RTO", aAt.plus(RTO), aAt.plus(RTO), aAt.plus(RTO)));
    send(
        new NotificationObligationRegistered(
            a,
            "obl-a",
            "DATA_PROTECTION_AUTHORITY",
            "GDPR art. 33",
            aAt,
            aAt.plus(hours(72)),
            aAt.plus(hours(1))));
    send(
        new NotificationSubmitted(
            a,
            "obl-a",
            "DATA_PROTECTION_AUTHORITY",
            aAt.plus(hours(20)),
            false,
            aAt.plus(hours(20))));
    CostRecorded legal =
        new CostRecorded(
            a,
            "cost-a1",
            "LEGAL",
            new BigDecimal("1000.50"),
            "EUR",
            "Lawyer",
            aAt.plus(hours(5)),
            aAt.plus(hours(5)));
    String legalCe = UUID.randomUUID().toString();
    send(legal, legalCe, INCIDENTS, SOURCE);
    send(
        new CostRecorded(
            a,
            "cost-a2",
            "HARDWARE",
            new BigDecimal("2000"),
            "EUR",
            "Servers",
            aAt.plus(hours(6)),
            aAt.plus(hours(6))));
    ProcessRestored restored =
        new ProcessRestored(
            a,
            payments,
            aAt,
            aAt.plus(hours(10)),
            aAt.minus(hours(3)),
            hours(10),
            hours(3),
            RTO,
            RPO,
            false,
            false,
            aAt.plus(hours(10)));
    String restoredCe = UUID.randomUUID().toString();
    send(restored, restoredCe, INCIDENTS, SOURCE);
    send(
        new ProcessRestored(
            a,
            ledger,
            aAt,
            aAt.plus(hours(3)),
            aAt,
            hours(3),
            Duration.ZERO,
            hours(8),
            null,
            true,
            null,
            aAt.plus(hours(3))));
    send(
        new IncidentTransitioned(
            a, "PLAN_ACTIVATED", "RECOVERING", null, "ic", aAt.plus(hours(4))));
    IncidentTransitioned recovered =
        new IncidentTransitioned(
            a, "RECOVERING", "RECOVERED", "All back", "ic", aAt.plus(hours(11)));
    String recoveredCe = UUID.randomUUID().toString();
    send(recovered, recoveredCe, INCIDENTS, SOURCE);
    String aClosed =
        send(
            new IncidentClosed(
                a,
                aAt,
                List.of(
                    new Restoration(payments, aAt.plus(hours(10))),
                    new Restoration(ledger, aAt.plus(hours(3)))),
                "Restored from backup",
                aAt.plus(hours(30))));

    // B: March 2003; detected after an hour, no plan, Payments restored after 2 hours without data
    // loss; a notification overdue. C, merged into B (B's side of the merge arrives first), brings
    // a cost. D was a false positive.
    Instant bAt = Instant.parse("2003-03-05T00:00:00Z");
    send(opened(b, bAt, bAt.plus(hours(1)), asset, process(payments, bAt)));
    send(new IncidentClassified(b, "RANSOMWARE", null, null, "ic", bAt.plus(hours(1))));
    send(
        new CostRecorded(
            b,
            "cost-b1",
            "LABOUR",
            new BigDecimal("500"),
            "EUR",
            "Overtime",
            bAt.plus(hours(2)),
            bAt.plus(hours(2))));
    send(
        new NotificationObligationRegistered(
            b, "obl-b", "NCSC", "NIS2 art. 23", bAt, bAt.plus(hours(24)), bAt.plus(hours(1))));
    send(
        new NotificationOverdue(
            b, "obl-b", "NCSC", bAt.plus(hours(24)), bAt.plus(hours(24)), bAt.plus(hours(24))));
    send(
        new ProcessRestored(
            b,
            payments,
            bAt,
            bAt.plus(hours(2)),
            bAt,
            hours(2),
            Duration.ZERO,
            RTO,
            RPO,
            true,
            true,
            bAt.plus(hours(2))));
    Instant cAt = Instant.parse("2003-03-06T00:00:00Z");
    String bExtended =
        send(
            new IncidentExtended(
                b,
                "INCIDENT_ABSORBED",
                c,
                List.of(asset),
                List.of(process(payments, cAt)),
                cAt.plus(hours(2))));
    awaitApplied(bExtended);
    send(opened(c, cAt, cAt.plus(hours(1)), asset, process(payments, cAt)));
    send(
        new CostRecorded(
            c,
            "cost-c1",
            "OTHER",
            new BigDecimal("100"),
            "EUR",
            "Taxi",
            cAt.plus(hours(1)),
            cAt.plus(hours(1))));
    String cMerged =
        send(new IncidentMerged(c, b, "TRIAGED", "Same attack", "ic", cAt.plus(hours(2))));
    Instant dAt = Instant.parse("2003-03-07T00:00:00Z");
    send(opened(d, dAt, dAt.plus(minutes(5)), asset, process(payments, dAt)));
    String dDismissed =
        send(
            new IncidentTransitioned(
                d, "REPORTED", "DISMISSED", "False positive", "ic", dAt.plus(hours(1))));

    awaitApplied(aClosed);
    awaitApplied(cMerged);
    awaitApplied(dDismissed);
    // the same CloudEvents again: nothing changes
    send(legal, legalCe, INCIDENTS, SOURCE);
    send(restored, restoredCe, INCIDENTS, SOURCE);
    send(recovered, recoveredCe, INCIDENTS, SOURCE);
    String last =
        send(
            new IncidentClassified(a, "RANSOMWARE", "RANSOMWARE", null, "ic", aAt.plus(hours(31))));
    awaitApplied(last);
    assertThat(count("SELECT count(*) FROM inbox_message WHERE message_id = ?", legalCe))
        .isEqualTo(1);

    JsonNode storyA =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> api.getJson("/api/lessons/recovery-information/" + a, "management"),
                r -> r != null && !r.get("closedAt").isNull());
    JsonNode story = storyA.get("story");
    assertThat(story.get("category").asText()).isEqualTo("RANSOMWARE");
    assertThat(story.get("status").asText()).isEqualTo("CLOSED");
    assertThat(story.get("timeToDetect").asText()).isEqualTo("PT30M");
    assertThat(story.get("timeToActivate").asText()).isEqualTo("PT2H");
    assertThat(story.get("timeToRecover").asText()).isEqualTo("PT11H");
    assertThat(story.at("/plan/version").asInt()).isEqualTo(3);
    assertThat(story.at("/plan/mandate").asText()).isEqualTo("incident-commander");
    assertThat(story.at("/plan/activatedBy").asText()).isEqualTo("dev-incident-commander");
    assertThat(story.get("processes")).hasSize(2);
    JsonNode pay = byField(story.get("processes"), "processId", payments);
    assertThat(pay.get("recoveryTime").asText()).isEqualTo("PT10H");
    assertThat(pay.get("dataLoss").asText()).isEqualTo("PT3H");
    assertThat(pay.get("rto").asText()).isEqualTo("PT4H");
    assertThat(pay.get("rtoMet").asBoolean()).isFalse();
    assertThat(pay.get("mtpdMet").asBoolean()).isTrue();
    assertThat(pay.get("rpoMet").asBoolean()).isFalse();
    assertThat(Instant.parse(pay.get("rtoBreachedAt").asText())).isEqualTo(aAt.plus(RTO));
    assertThat(story.get("assets")).hasSize(1);
    assertThat(story.at("/assets/0/recoveryTime").asText()).isEqualTo("PT10H");
    assertThat(story.get("costs")).hasSize(2);
    assertThat(story.get("costTotals")).hasSize(1);
    assertThat(story.at("/costTotals/0/amount").decimalValue()).isEqualByComparingTo("3000.50");
    assertThat(story.get("costsByKind")).hasSize(2);
    assertThat(story.get("notifications")).hasSize(1);
    assertThat(story.at("/notifications/0/timeliness").asText()).isEqualTo("ON_TIME");
    assertThat(story.at("/tasks/created").asInt()).isEqualTo(1);
    assertThat(story.at("/tasks/started").asInt()).isEqualTo(1);
    assertThat(story.at("/tasks/done").asInt()).isEqualTo(1);
    assertThat(story.get("decisions").asInt()).isEqualTo(1);
    assertThat(story.get("transitions")).hasSize(4);
    assertThat(storyA.get("processes")).hasSize(2);

    JsonNode storyC = api.getJson("/api/lessons/recovery-information/" + c, "auditor");
    assertThat(storyC.at("/story/mergedInto").asText()).isEqualTo(b);
    assertThat(storyC.get("title").asText()).isEqualTo("Incident " + c);
    JsonNode storyB = api.getJson("/api/lessons/recovery-information/" + b, "auditor");
    assertThat(storyB.at("/story/costTotals/0/amount").decimalValue()).isEqualByComparingTo("600");
    assertThat(storyB.at("/story/notifications/0/timeliness").asText()).isEqualTo("OVERDUE");
    assertThat(storyB.at("/story/timeToRecover").asText()).isEqualTo("PT2H");
    assertThat(storyB.get("closedAt").isNull()).isTrue();

    JsonNode summary =
        api.getJson(
            "/api/lessons/recovery-information/summary?from=2003-01-01&to=2003-12-31"
                + "&period=MONTH&processId="
                + payments,
            "management");
    JsonNode total = summary.get("total");
    assertThat(total.get("incidents").asLong()).isEqualTo(2);
    assertThat(total.get("dismissed").asLong()).isEqualTo(1);
    assertThat(total.get("merged").asLong()).isEqualTo(1);
    assertThat(total.get("meanTimeToDetect").asText()).isEqualTo("PT45M");
    assertThat(total.get("meanTimeToActivate").asText()).isEqualTo("PT2H");
    assertThat(total.get("meanTimeToRecover").asText()).isEqualTo("PT6H30M");
    assertThat(total.get("restoredProcesses").asLong()).isEqualTo(2);
    assertThat(total.get("rtoMetShare").asDouble()).isEqualTo(0.5);
    assertThat(total.get("mtpdMetShare").asDouble()).isEqualTo(1.0);
    assertThat(total.get("rpoMetShare").asDouble()).isEqualTo(0.5);
    assertThat(total.get("meanTimeToRestoreFromBackup").asText()).isEqualTo("PT10H");
    assertThat(total.get("meanDataLoss").asText()).isEqualTo("PT1H30M");
    assertThat(total.get("maxDataLoss").asText()).isEqualTo("PT3H");
    assertThat(total.get("costTotals")).hasSize(1);
    assertThat(total.at("/costTotals/0/currency").asText()).isEqualTo("EUR");
    assertThat(total.at("/costTotals/0/amount").decimalValue()).isEqualByComparingTo("3600.50");
    assertThat(total.get("costsByKind")).hasSize(4);
    assertThat(byField(total.get("costsByKind"), "kind", "LEGAL").get("amount").decimalValue())
        .isEqualByComparingTo("1000.50");
    assertThat(byField(total.get("costsByKind"), "kind", "OTHER").get("amount").decimalValue())
        .isEqualByComparingTo("100");
    assertThat(total.at("/notifications/onTime").asLong()).isEqualTo(1);
    assertThat(total.at("/notifications/late").asLong()).isZero();
    assertThat(total.at("/notifications/overdue").asLong()).isEqualTo(1);

    JsonNode periods = summary.get("periods");
    assertThat(periods).hasSize(2);
    assertThat(periods.at("/0/periodStart").asText()).isEqualTo("2003-02-01");
    assertThat(periods.at("/0/incidents").asLong()).isEqualTo(1);
    assertThat(periods.at("/0/meanTimeToRecover").asText()).isEqualTo("PT11H");
    assertThat(periods.at("/0/costTotals/0/amount").decimalValue()).isEqualByComparingTo("3000.50");
    assertThat(periods.at("/1/periodStart").asText()).isEqualTo("2003-03-01");
    assertThat(periods.at("/1/incidents").asLong()).isEqualTo(1);
    assertThat(periods.at("/1/dismissed").asLong()).isEqualTo(1);
    assertThat(periods.at("/1/merged").asLong()).isEqualTo(1);
    assertThat(periods.at("/1/costTotals/0/amount").decimalValue()).isEqualByComparingTo("600");

    assertThat(summary.get("categoriesPerYear")).hasSize(1);
    assertThat(summary.at("/categoriesPerYear/0/year").asInt()).isEqualTo(2003);
    assertThat(summary.at("/categoriesPerYear/0/category").asText()).isEqualTo("RANSOMWARE");
    assertThat(summary.at("/categoriesPerYear/0/incidents").asLong()).isEqualTo(2);

    assertThat(summary.get("processes")).hasSize(1);
    JsonNode process = summary.get("processes").get(0);
    assertThat(process.get("processId").asText()).isEqualTo(payments);
    assertThat(process.get("name").asText()).isEqualTo("Payments");
    assertThat(process.get("incidents").asLong()).isEqualTo(2);
    assertThat(process.get("restored").asLong()).isEqualTo(2);
    assertThat(process.get("meanRecoveryTime").asText()).isEqualTo("PT6H");
    assertThat(process.get("maxRecoveryTime").asText()).isEqualTo("PT10H");
    assertThat(process.get("p90RecoveryTime").asText()).isEqualTo("PT9H12M");
    assertThat(process.get("rto").asText()).isEqualTo("PT4H");
    assertThat(process.get("rtoMet").asLong()).isEqualTo(1);
    assertThat(process.get("mtpdMet").asLong()).isEqualTo(2);
    assertThat(process.get("rpoMet").asLong()).isEqualTo(1);
    assertThat(process.get("rtoBreaches").asLong()).isEqualTo(1);

    assertThat(summary.get("assets")).hasSize(1);
    JsonNode assetFigures = summary.get("assets").get(0);
    assertThat(assetFigures.get("assetId").asText()).isEqualTo(asset);
    assertThat(assetFigures.get("incidents").asLong()).isEqualTo(2);
    assertThat(assetFigures.get("meanRecoveryTime").asText()).isEqualTo("PT6H");
    assertThat(assetFigures.get("maxRecoveryTime").asText()).isEqualTo("PT10H");

    JsonNode quarters =
        api.getJson(
            "/api/lessons/recovery-information/summary?from=2003-01-01&to=2003-12-31"
                + "&period=QUARTER&category=RANSOMWARE&processId="
                + payments,
            "auditor");
    assertThat(quarters.get("periods")).hasSize(1);
    assertThat(quarters.at("/periods/0/periodStart").asText()).isEqualTo("2003-01-01");
    assertThat(quarters.at("/periods/0/incidents").asLong()).isEqualTo(2);
    assertThat(quarters.at("/total/dismissed").asLong()).isZero();
  }

  @Test
  void badSummaryParametersAreAProblemNamingTheParameter() {
    String path = "/api/lessons/recovery-information/summary";
    assertThat(fieldsOf(api.get(path + "?to=2003-12-31", "management"))).containsExactly("from");
    assertThat(fieldsOf(api.get(path + "?from=2003-13-01&to=2003-12-31", "management")))
        .containsExactly("from");
    assertThat(fieldsOf(api.get(path + "?from=2003-02-01&to=2003-01-31", "management")))
        .containsExactly("to");
    assertThat(fieldsOf(api.get(path + "?from=2003-01-01&to=2003-12-31&period=WEEK", "management")))
        .containsExactly("period");
    assertThat(
            fieldsOf(
                api.get(path + "?from=2003-01-01&to=2003-12-31&category=ransom%20ware", "auditor")))
        .containsExactly("category");
    HttpResponse<String> unknown =
        api.get(path + "?from=2003-01-01&to=2003-12-31&colour=red", "auditor");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("colour");
    assertThat(api.get(path + "?from=2003-01-01&to=2003-12-31", "plan-owner").statusCode())
        .isEqualTo(403);
    assertThat(api.get(path + "?from=2003-01-01&to=2003-12-31", null).statusCode()).isEqualTo(401);
  }

  private List<String> fieldsOf(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    List<String> fields = new ArrayList<>();
    api.json(response).path("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  private static JsonNode byField(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (value.equals(node.path(field).asText())) {
        return node;
      }
    }
    throw new AssertionError("no " + field + "=" + value + " in " + array);
  }

  private static AffectedProcess process(String processId, Instant disruptedAt) {
    return new AffectedProcess(
        processId, "Payments", RTO, MTPD, disruptedAt.plus(RTO), disruptedAt.plus(MTPD), RPO);
  }

  private static AffectedProcess ledgerOf(String processId, Instant disruptedAt) {
    return new AffectedProcess(
        processId,
        "Ledger",
        hours(8),
        hours(48),
        disruptedAt.plus(hours(8)),
        disruptedAt.plus(hours(48)));
  }

  private static IncidentOpened opened(
      String incidentId,
      Instant disruptedAt,
      Instant openedAt,
      String asset,
      AffectedProcess... processes) {
    return new IncidentOpened(
        incidentId,
        "Incident " + incidentId,
        Severity.HIGH,
        disruptedAt,
        List.of(asset),
        List.of(processes),
        openedAt);
  }

  private static Duration hours(long h) {
    return Duration.ofHours(h);
  }

  private static Duration minutes(long m) {
    return Duration.ofMinutes(m);
  }

  /** Sends the event as incident-service would, and returns its CloudEvent id. */
  private static String send(IntegrationEvent event) {
    String ceId = UUID.randomUUID().toString();
    send(event, ceId, INCIDENTS, SOURCE);
    return ceId;
  }

  private static void send(IntegrationEvent event, String ceId, String topic, String source) {
    ItKafka.publish(
        topic,
        event.subject(),
        ContractJson.write(event),
        EventTypes.of(event.getClass()).type(),
        ceId,
        source);
  }

  private static void awaitApplied(String ceId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> count("SELECT count(*) FROM inbox_message WHERE message_id = ?", ceId) == 1);
  }

  private static long count(String sql, String arg) throws Exception {
    return ItDatabase.count(sql, arg);
  }
}
