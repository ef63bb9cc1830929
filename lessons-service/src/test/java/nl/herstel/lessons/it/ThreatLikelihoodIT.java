package nl.herstel.lessons.it;

import static nl.herstel.devstack.testing.ItKafka.header;
import static nl.herstel.lessons.it.LessonsFixtures.WAIT;
import static nl.herstel.lessons.it.LessonsFixtures.count;
import static nl.herstel.lessons.it.LessonsFixtures.tell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.bia.RevisionDecided;
import nl.herstel.contracts.bia.ThreatLikelihoodChanged;
import nl.herstel.contracts.bia.ThreatRegistered;
import nl.herstel.contracts.incidents.IncidentClassified;
import nl.herstel.contracts.incidents.IncidentClosed;
import nl.herstel.contracts.incidents.IncidentMerged;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.contracts.incidents.IncidentTransitioned;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.devstack.testing.HerstelServiceExtension;
import nl.herstel.devstack.testing.ItKafka;
import nl.herstel.devstack.testing.ServiceClient;
import nl.herstel.devstack.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * lessons-service holds a BIA threat's likelihood against how often its incident category occurred
 * in a year, from the incident story on real Kafka: four incidents of the category in a year
 * against a likelihood of 2 give one proposal of 4 (a dismissed, a merged and an older incident not
 * counted), published once however often the closure is delivered; bia-service's decision comes
 * back as the proposal's fate and the report lists it among the BIA changes.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class ThreatLikelihoodIT {
  private static final String INCIDENTS = "herstel.incidents.v1";
  private static final String INCIDENT_SOURCE = "urn:herstel:incident-service";
  private static final String BIA = "herstel.bia.v1";
  private static final String BIA_SOURCE = "urn:herstel:bia-service";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void fourIncidentsOfACategoryInAYearProposeAHigherLikelihoodOnceAndItsFateComesBack()
      throws Exception {
    // A category of this test only, so that no other test's incidents count; the threat's name
    // spells it in other words ("Ransomware ab12cd34" is RANSOMWARE_AB12CD34).
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String category = "RANSOMWARE_" + suffix.toUpperCase(Locale.ROOT);
    String threatId = UUID.randomUUID().toString();
    tell(
        BIA,
        new ThreatRegistered(threatId, "Ransomware " + suffix, null, 2, Instant.now()),
        BIA_SOURCE);

    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<String> counted = new ArrayList<>();
    for (int daysAgo : new int[] {300, 200, 100, 10}) {
      counted.add(incident(category, now.minus(Duration.ofDays(daysAgo))));
    }
    String dismissed = incident(category, now.minus(Duration.ofDays(50)));
    tell(
        INCIDENTS,
        new IncidentTransitioned(dismissed, "REPORTED", "DISMISSED", "False positive", "ic", now),
        INCIDENT_SOURCE);
    String merged = incident(category, now.minus(Duration.ofDays(20)));
    tell(
        INCIDENTS,
        new IncidentMerged(merged, counted.get(3), "REPORTED", "Same attack", "ic", now),
        INCIDENT_SOURCE);
    incident(category, now.minus(Duration.ofDays(400)));

    String latest = counted.get(3);
    IncidentClosed closed =
        new IncidentClosed(
            latest, now.minus(Duration.ofDays(10)), List.of(), "Restored", now, category, null);
    String closedId = UUID.randomUUID().toString();

    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of("herstel.lessons.v1"));
      List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
      publish(INCIDENTS, closed, closedId, INCIDENT_SOURCE);
      await().atMost(WAIT).until(() -> poll(consumer, threatId, published));

      publish(INCIDENTS, closed, closedId, INCIDENT_SOURCE);
      tell(
          INCIDENTS,
          new IncidentClosed(
              counted.get(2),
              now.minus(Duration.ofDays(100)),
              List.of(),
              "Restored",
              now.plusSeconds(1),
              category,
              null),
          INCIDENT_SOURCE);
      await()
          .during(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                poll(consumer, threatId, published);
                return published.size() == 1;
              });
      assertThat(count("SELECT count(*) FROM inbox_message WHERE message_id = ?", closedId))
          .isEqualTo(1);
      assertThat(published).hasSize(1);
      ConsumerRecord<String, byte[]> record = published.get(0);
      assertThat(header(record, "ce_type"))
          .isEqualTo("nl.herstel.lessons.threat-likelihood-proposed.v1");
      JsonNode payload = ContractJson.mapper().readTree(record.value());
      assertThat(payload.get("currentLikelihood").asInt()).isEqualTo(2);
      assertThat(payload.get("proposedLikelihood").asInt()).isEqualTo(4);
      assertThat(payload.get("category").asText()).isEqualTo(category);
      assertThat(payload.get("incidentId").asText()).isEqualTo(latest);
      List<String> evidence = new ArrayList<>();
      payload.get("incidents").forEach(i -> evidence.add(i.get("incidentId").asText()));
      assertThat(evidence).containsExactlyElementsOf(counted);
    }

    JsonNode listed =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    api.getJson(
                        "/api/lessons/revision-proposals?kind=THREAT_LIKELIHOOD&incidentId="
                            + latest,
                        "auditor"),
                page -> page.get("items").size() == 1);
    JsonNode proposal = listed.get("items").get(0);
    assertThat(proposal.get("kind").asText()).isEqualTo("THREAT_LIKELIHOOD");
    assertThat(proposal.get("threatId").asText()).isEqualTo(threatId);
    assertThat(proposal.get("currentLikelihood").asInt()).isEqualTo(2);
    assertThat(proposal.get("proposedLikelihood").asInt()).isEqualTo(4);
    assertThat(proposal.get("incidents")).hasSize(4);
    assertThat(proposal.get("status").asText()).isEqualTo("PROPOSED");
    assertThat(proposal.get("rationale").asText()).contains("4 incidents of category " + category);
    assertThat(
            count("SELECT count(*) FROM lessons_revision_proposal WHERE threat_id = ?", threatId))
        .isEqualTo(1);
    String proposalId = proposal.get("id").asText();

    Instant decidedAt = now.plusSeconds(60);
    tell(
        BIA,
        new RevisionDecided(
            UUID.randomUUID().toString(),
            null,
            true,
            "Four in a year is likely",
            "bcm-ann",
            decidedAt,
            proposalId,
            threatId),
        BIA_SOURCE);
    tell(BIA, new ThreatLikelihoodChanged(threatId, 4, decidedAt), BIA_SOURCE);

    JsonNode accepted =
        api.getJson(
            "/api/lessons/revision-proposals?status=ACCEPTED&kind=THREAT_LIKELIHOOD&incidentId="
                + latest,
            "auditor");
    assertThat(accepted.get("items")).hasSize(1);
    assertThat(accepted.get("items").get(0).get("decidedBy").asText()).isEqualTo("bcm-ann");
    assertThat(
            count(
                "SELECT count(*) FROM lessons_known_target WHERE target_id = ? AND likelihood = 4",
                threatId))
        .isEqualTo(1);
    JsonNode changes =
        api.items(
            "/api/lessons/revision-proposals/decided?from="
                + decidedAt.minusSeconds(1)
                + "&to="
                + decidedAt.plusSeconds(1),
            "management");
    JsonNode change = null;
    for (JsonNode c : changes) {
      if (proposalId.equals(c.get("proposalId").asText())) {
        change = c;
      }
    }
    assertThat(change).as(changes.toString()).isNotNull();
    assertThat(change.get("kind").asText()).isEqualTo("THREAT_LIKELIHOOD");
    assertThat(change.get("accepted").asBoolean()).isTrue();
    assertThat(change.get("likelihoodBefore").asInt()).isEqualTo(2);
    assertThat(change.get("likelihoodAfter").asInt()).isEqualTo(4);

    JsonNode report =
        api.getJson("/api/lessons/reports/incidents/" + latest + "?format=json", "management");
    assertThat(report.get("biaChanges")).hasSize(1);
    JsonNode line = report.get("biaChanges").get(0);
    assertThat(line.get("kind").asText()).isEqualTo("THREAT_LIKELIHOOD");
    assertThat(line.get("subjectName").asText()).isEqualTo("Ransomware " + suffix);
    assertThat(line.get("before").asText()).isEqualTo("2");
    assertThat(line.get("after").asText()).isEqualTo("4");
    assertThat(line.get("status").asText()).isEqualTo("ACCEPTED");
  }

  /** An incident of the category disrupted at {@code at}; returns its id. */
  private static String incident(String category, Instant at) {
    String id = UUID.randomUUID().toString();
    tell(
        INCIDENTS,
        new IncidentOpened(
            id, "Incident " + id.substring(0, 8), Severity.HIGH, at, List.of(), List.of(), at),
        INCIDENT_SOURCE);
    tell(
        INCIDENTS,
        new IncidentClassified(id, category, null, null, "ic", at.plusSeconds(60)),
        INCIDENT_SOURCE);
    return id;
  }

  private static void publish(
      String topic, nl.herstel.contracts.IntegrationEvent event, String ceId, String source) {
    ItKafka.publish(
        topic,
        event.subject(),
        ContractJson.write(event),
        EventTypes.of(event.getClass()).type(),
        ceId,
        source);
  }

  /** Adds what arrived for {@code key}; true when anything did. */
  private static boolean poll(
      KafkaConsumer<String, byte[]> consumer,
      String key,
      List<ConsumerRecord<String, byte[]>> found) {
    int before = found.size();
    consumer
        .poll(Duration.ofMillis(500))
        .forEach(
            r -> {
              if (key.equals(r.key())) {
                found.add(r);
              }
            });
    return found.size() > before;
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "lessons-it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }
}
