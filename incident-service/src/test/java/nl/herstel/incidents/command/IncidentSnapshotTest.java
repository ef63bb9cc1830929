package nl.herstel.incidents.command;

import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import nl.herstel.contracts.incidents.Severity;
import nl.herstel.incidents.api.IncidentCategory;
import nl.herstel.incidents.api.IncidentEvents.AffectedProcess;
import nl.herstel.incidents.api.IncidentEvents.AlertCorrelated;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;
import nl.herstel.incidents.api.IncidentEvents.IncidentOpened;
import nl.herstel.incidents.api.RecoveryCommands.AlertPart;
import nl.herstel.incidents.api.RecoveryCommands.IncidentParts;
import nl.herstel.incidents.api.RecoveryEvents.IncidentClassified;
import nl.herstel.incidents.api.RecoveryEvents.IncidentSplit;
import nl.herstel.incidents.api.RecoveryEvents.RecoveryTaskCreated;
import org.junit.jupiter.api.Test;

/**
 * Snapshots store the incident with its recovery state through Jackson, configured as the
 * platform's event store mapper is (fields only): the state must come back whole.
 */
class IncidentSnapshotTest {
  private static final Instant AT = Instant.parse("2026-11-29T08:00:00Z");

  private static ObjectMapper snapshotMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
        .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
  }

  @Test
  void theRecoveryStateSurvivesASnapshot() throws Exception {
    AffectedProcess payments =
        new AffectedProcess("p1", "Payments", ofHours(8), ofHours(24), AT, AT.plusSeconds(1));
    Incident incident = new Incident();
    incident.on(
        new IncidentOpened(
            "i1",
            "splunk",
            "A1",
            "Ransomware",
            null,
            Severity.CRITICAL,
            AT,
            List.of(new AssetRef("a1", "db")),
            List.of("host-1"),
            List.of(payments),
            null,
            AT,
            null));
    incident.on(
        new AlertCorrelated(
            "i1",
            "sentinel",
            "B2",
            "t",
            Severity.HIGH,
            AT,
            List.of(),
            List.of(),
            List.of(),
            null,
            null,
            null));
    incident.on(
        new IncidentSplit(
            "i1",
            "i3",
            new IncidentParts(
                AT,
                List.of(
                    new AlertPart(
                        "sentinel",
                        "B2",
                        "t",
                        Severity.HIGH,
                        AT,
                        List.of(),
                        List.of(),
                        List.of()))),
            "x"));
    incident.on(new IncidentClassified("i1", IncidentCategory.RANSOMWARE, null, "x"));
    incident.on(
        new RecoveryTaskCreated("i1", "t1", 1, "Isolate", "recovery-team", "bob", "p", "c"));
    ObjectMapper mapper = snapshotMapper();

    String json = mapper.writeValueAsString(incident);
    String again = mapper.writeValueAsString(mapper.readValue(json, Incident.class));

    assertThat(json).contains("\"departed\"").contains("RANSOMWARE").contains("\"t1\"");
    assertThat(mapper.readTree(again)).isEqualTo(mapper.readTree(json));
  }
}
