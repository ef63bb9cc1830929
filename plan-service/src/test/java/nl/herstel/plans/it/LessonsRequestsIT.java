package nl.herstel.plans.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.herstel.contracts.ContractJson;
import nl.herstel.contracts.EventTypes;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.lessons.ExerciseRequested;
import nl.herstel.contracts.lessons.PlanRevisionRequested;
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
 * What lessons-service asks of the plans after a recovery that breached a target: the plan is
 * flagged for review with the incident as the cause, and the exercise of the card that fell short
 * is listed, each once however often the request arrives.
 */
@ExtendWith({HerstelServiceExtension.class, ArquillianExtension.class})
class LessonsRequestsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("herstel.it.war")));
  }

  private final ServiceClient api = ServiceClient.forServiceUnderTest();

  @Test
  void aPlanRevisionRequestFlagsThePlanOnceAndAnExerciseRequestIsListedOnce() throws Exception {
    String processId = UUID.randomUUID().toString();
    String registeredId = UUID.randomUUID().toString();
    ItKafka.publish(
        "herstel.bia.v1",
        processId,
        ContractJson.write(
            new ProcessRegistered(
                processId,
                "Payments",
                null,
                true,
                true,
                "CFO",
                Duration.ofHours(24),
                Duration.ofHours(8),
                Duration.ofHours(1),
                Instant.now())),
        "nl.herstel.bia.process-registered.v1",
        registeredId,
        "urn:herstel:bia-service");
    awaitApplied(registeredId);
    String planId =
        api.createdId(
            api.post(
                "/api/plans/plans",
                "bcm-manager",
                """
                {"name":"Payments DR","coveredProcessIds":["%s"],
                 "activationRoles":["incident-commander"],
                 "scenarioCards":[{"scenario":"RANSOMWARE","title":"Ransomware on payments",
                   "steps":["Isolate the segment","Restore the last clean backup"]}]}
                """
                    .formatted(processId)));
    JsonNode plan =
        await()
            .atMost(WAIT)
            .until(() -> api.getJson("/api/plans/plans/" + planId, "auditor"), p -> p != null);
    String cardId = plan.get("scenarioCards").get(0).get("id").asText();
    String incidentId = UUID.randomUUID().toString();

    PlanRevisionRequested review =
        new PlanRevisionRequested(
            UUID.randomUUID().toString(),
            planId,
            1,
            incidentId,
            List.of(processId),
            "Recovery of Payments breached its targets while this plan was followed",
            Instant.now());
    String reviewId = UUID.randomUUID().toString();
    fromLessons(review, reviewId);
    fromLessons(review, reviewId);
    String againId = UUID.randomUUID().toString();
    fromLessons(review, againId);
    ExerciseRequested exercise =
        new ExerciseRequested(
            UUID.randomUUID().toString(),
            planId,
            cardId,
            incidentId,
            List.of(processId),
            "Recovery of Payments breached its targets while this card was followed",
            Instant.now());
    String exerciseId = UUID.randomUUID().toString();
    fromLessons(exercise, exerciseId);
    fromLessons(exercise, exerciseId);
    String exerciseAgainId = UUID.randomUUID().toString();
    fromLessons(exercise, exerciseAgainId);
    awaitApplied(againId);
    awaitApplied(exerciseAgainId);

    JsonNode flagged =
        await()
            .atMost(WAIT)
            .until(
                () -> api.getJson("/api/plans/plans/" + planId, "auditor"),
                p -> p.get("needsReview").asBoolean());
    assertThat(flagged.get("reviewRequests")).hasSize(1);
    assertThat(flagged.at("/reviewRequests/0/cause").asText()).isEqualTo("incident:" + incidentId);
    assertThat(flagged.at("/reviewRequests/0/reason").asText()).contains("breached its targets");

    JsonNode requests = api.getJson("/api/plans/exercises/requests?planId=" + planId, "plan-owner");
    assertThat(requests.get("items")).hasSize(1);
    JsonNode request = requests.get("items").get(0);
    assertThat(request.get("id").asText()).isEqualTo(exercise.requestId());
    assertThat(request.get("scenarioCardId").asText()).isEqualTo(cardId);
    assertThat(request.get("incidentId").asText()).isEqualTo(incidentId);
    assertThat(request.get("processIds")).hasSize(1);
    assertThat(request.get("processIds").get(0).asText()).isEqualTo(processId);

    assertThat(api.get("/api/plans/exercises/requests?limit=0", "auditor").statusCode())
        .isEqualTo(400);
    assertThat(api.get("/api/plans/exercises/requests", null).statusCode()).isEqualTo(401);
  }

  private static void fromLessons(IntegrationEvent event, String ceId) {
    ItKafka.publish(
        "herstel.lessons.v1",
        event.subject(),
        ContractJson.write(event),
        EventTypes.of(event.getClass()).type(),
        ceId,
        "urn:herstel:lessons-service");
  }

  private static void awaitApplied(String ceId) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                ItDatabase.count("SELECT count(*) FROM inbox_message WHERE message_id = ?", ceId)
                    == 1);
  }
}
