package nl.herstel.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.AssetRegistered;
import nl.herstel.contracts.bia.ProcessRegistered;
import nl.herstel.contracts.incidents.CostRecorded;
import nl.herstel.contracts.incidents.IncidentOpened;
import nl.herstel.contracts.lessons.TargetRevisionProposed;
import nl.herstel.contracts.plans.PlanPublished;
import org.junit.jupiter.api.Test;

class ContractJsonTest {

  private static JsonNode tree(IntegrationEvent event) throws Exception {
    return ContractJson.mapper().readTree(ContractJson.write(event));
  }

  @Test
  void durationIsAnIso8601StringAndInstantAnIsoUtcString() throws Exception {
    ProcessRegistered event =
        new ProcessRegistered(
            "proc-payments",
            "Payments",
            null,
            true,
            true,
            null,
            Duration.ofHours(24),
            Duration.ofHours(8),
            Duration.ofMinutes(90),
            Instant.parse("2025-03-01T08:00:00Z"));

    JsonNode json = tree(event);

    assertThat(json.get("rto").isTextual()).isTrue();
    assertThat(json.get("rto").asText()).isEqualTo("PT8H");
    assertThat(json.get("mtpd").asText()).isEqualTo("PT24H");
    assertThat(json.get("rpo").asText()).isEqualTo("PT1H30M");
    assertThat(json.get("occurredAt").isTextual()).isTrue();
    assertThat(json.get("occurredAt").asText()).isEqualTo("2025-03-01T08:00:00Z");
  }

  @Test
  void subSecondPartOfADurationIsDropped() throws Exception {
    Instant disrupted = Instant.parse("2025-03-01T08:00:00Z");
    Duration measured =
        Duration.between(disrupted, disrupted.plusSeconds(11 * 3600).plusMillis(250));
    TargetRevisionProposed proposal =
        new TargetRevisionProposed(
            "rev-1",
            "proc-payments",
            "inc-1",
            Duration.ofHours(8),
            measured,
            Duration.ofHours(12),
            "Recovery took 11h",
            disrupted);

    assertThat(proposal.actualRecoveryTime()).isEqualTo(Duration.ofHours(11));
    assertThat(tree(proposal).get("actualRecoveryTime").asText()).isEqualTo("PT11H");
  }

  @Test
  void subjectIsNotPartOfThePayload() throws Exception {
    List<IntegrationEvent> samples = Samples.full();
    assertThat(samples).hasSize(EventTypes.all().size());
    for (IntegrationEvent event : samples) {
      assertThat(tree(event).has("subject")).as(event.getClass().getSimpleName()).isFalse();
    }
  }

  @Test
  void readIgnoresFieldsAddedLater() {
    String json =
        """
        {"assetId":"a-1","name":"ERP","kind":"SOFTWARE","description":null,
         "occurredAt":"2025-03-01T08:00:00Z","vendor":"added in a later version"}
        """;

    AssetRegistered read =
        ContractJson.read(json.getBytes(StandardCharsets.UTF_8), AssetRegistered.class);

    assertThat(read)
        .isEqualTo(
            new AssetRegistered(
                "a-1", "ERP", AssetKind.SOFTWARE, null, Instant.parse("2025-03-01T08:00:00Z")));
  }

  @Test
  void anIncidentOpenedWrittenBeforeSplitsAndRpoReadsWithNulls() {
    String json =
        """
        {"incidentId":"inc-1","title":"Ransomware","severity":"HIGH",
         "disruptedAt":"2025-03-01T08:00:00Z","assetIds":["asset-paydb"],
         "affectedProcesses":[{"processId":"proc-payments","name":"Payments","rto":"PT8H",
           "mtpd":"PT24H","rtoDeadline":"2025-03-01T16:00:00Z",
           "mtpdDeadline":"2025-03-02T08:00:00Z"}],
         "occurredAt":"2025-03-01T08:05:00Z"}
        """;

    IncidentOpened event =
        ContractJson.read(json.getBytes(StandardCharsets.UTF_8), IncidentOpened.class);

    assertThat(event.splitFromIncidentId()).isNull();
    assertThat(event.affectedProcesses()).hasSize(1);
    assertThat(event.affectedProcesses().get(0).rpo()).isNull();
    assertThat(event.affectedProcesses().get(0).rto()).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void aCostKeepsItsAmountExactly() {
    CostRecorded cost =
        new CostRecorded(
            "inc-1",
            "cost-1",
            "LEGAL",
            new BigDecimal("1250.10"),
            "EUR",
            "Lawyer",
            Instant.parse("2025-03-01T08:00:00Z"),
            Instant.parse("2025-03-01T09:00:00Z"));

    String json = new String(ContractJson.write(cost), StandardCharsets.UTF_8);

    assertThat(json).contains("\"amount\":1250.10");
    assertThat(
            ContractJson.read(json.getBytes(StandardCharsets.UTF_8), CostRecorded.class).amount())
        .isEqualTo(new BigDecimal("1250.10"));
  }

  @Test
  void readWrapsMalformedJsonInContractException() {
    assertThatThrownBy(
            () ->
                ContractJson.read(
                    "{not json".getBytes(StandardCharsets.UTF_8), PlanPublished.class))
        .isInstanceOf(ContractException.class);
  }

  @Test
  void readRejectsMissingRequiredField() {
    String json =
        "{\"assetId\":\"a-1\",\"kind\":\"SOFTWARE\",\"occurredAt\":\"2025-03-01T08:00:00Z\"}";

    assertThatThrownBy(
            () -> ContractJson.read(json.getBytes(StandardCharsets.UTF_8), AssetRegistered.class))
        .isInstanceOf(ContractException.class);
  }

  @Test
  void mapperHasNoPolymorphicDefaultTyping() {
    var mapper = ContractJson.mapper();
    var objectType = mapper.constructType(Object.class);

    assertThat(mapper.getSerializationConfig().getDefaultTyper(objectType)).isNull();
    assertThat(mapper.getDeserializationConfig().getDefaultTyper(objectType)).isNull();
  }

  @Test
  void listsAreDefensivelyCopied() {
    var ids = new ArrayList<>(List.of("proc-1"));
    PlanPublished plan =
        new PlanPublished("p", "Plan", 1, ids, List.of(), List.of(), Instant.EPOCH);

    ids.add("proc-2");

    assertThat(plan.coveredProcessIds()).containsExactly("proc-1");
    assertThatThrownBy(() -> plan.coveredProcessIds().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requiredFieldsAreNullChecked() {
    assertThatThrownBy(
            () -> new PlanPublished("p", "Plan", 1, null, List.of(), List.of(), Instant.EPOCH))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("coveredProcessIds");
  }
}
