package nl.herstel.incidents.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.incidents.CostRecorded;
import nl.herstel.contracts.incidents.IncidentExtended;
import nl.herstel.contracts.incidents.IncidentMerged;
import nl.herstel.contracts.incidents.IncidentTransitioned;
import nl.herstel.incidents.api.Audience;
import nl.herstel.incidents.api.Channel;
import nl.herstel.incidents.api.CostKind;
import nl.herstel.incidents.api.IncidentEvents;
import nl.herstel.incidents.api.IncidentStatus;
import nl.herstel.incidents.api.RecoveryEvents;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class IncidentContractMapperTest {
  private final IncidentContractMapper mapper = new IncidentContractMapper();

  private IntegrationEvent map(Object payload, Map<String, ?> metadata) {
    var message = GenericEventMessage.asEventMessage(payload).andMetaData(MetaData.from(metadata));
    return mapper.toContract(payload, message).orElse(null);
  }

  @Test
  void aTransitionSaysWhoMovedTheIncident() {
    IntegrationEvent event =
        map(
            new IncidentEvents.IncidentTransitioned(
                "inc-1", IncidentStatus.REPORTED, IncidentStatus.DISMISSED, "false positive"),
            Map.of("principal", "ann"));

    assertThat(event)
        .isEqualTo(
            new IncidentTransitioned(
                "inc-1", "REPORTED", "DISMISSED", "false positive", "ann", event.occurredAt()));
  }

  @Test
  void whoIsUnknownWithoutAPrincipal() {
    IntegrationEvent event =
        map(
            new RecoveryEvents.IncidentMergedInto(
                "inc-2", "inc-1", IncidentStatus.TRIAGED, "same attack"),
            Map.of());

    assertThat(event).isInstanceOf(IncidentMerged.class);
    assertThat(((IncidentMerged) event).mergedBy()).isEqualTo("unknown");
    assertThat(((IncidentMerged) event).intoIncidentId()).isEqualTo("inc-1");
  }

  @Test
  void aCostKeepsItsAmountAndCurrency() {
    IntegrationEvent event =
        map(
            new IncidentEvents.CostRecorded(
                "inc-1",
                "cost-1",
                CostKind.LABOUR,
                new BigDecimal("12.34"),
                "EUR",
                "Overtime",
                Instant.parse("2026-01-01T00:00:00Z")),
            Map.of());

    assertThat(event).isInstanceOf(CostRecorded.class);
    assertThat(((CostRecorded) event).kind()).isEqualTo("LABOUR");
    assertThat(((CostRecorded) event).amount()).isEqualTo(new BigDecimal("12.34"));
  }

  @Test
  void anAlertThatBringsNothingNewPublishesNothingAndOneThatDoesExtendsTheIncident() {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(
            map(
                new IncidentEvents.AlertCorrelated(
                    "inc-1", "siem", "a-2", "Again", null, at, List.of(), List.of(), List.of(),
                    null, null, null),
                Map.of()))
        .isNull();

    IntegrationEvent event =
        map(
            new IncidentEvents.AlertCorrelated(
                "inc-1",
                "siem",
                "a-3",
                "Spread",
                null,
                at,
                List.of(new IncidentEvents.AssetRef("asset-2", "File server")),
                List.of("unknown-host"),
                List.of(
                    new IncidentEvents.AffectedProcess(
                        "proc-1",
                        "Payroll",
                        Duration.ofHours(8),
                        Duration.ofHours(24),
                        at.plus(Duration.ofHours(8)),
                        at.plus(Duration.ofHours(24)),
                        Duration.ofHours(1))),
                null,
                null,
                null),
            Map.of());

    assertThat(event).isInstanceOf(IncidentExtended.class);
    IncidentExtended extended = (IncidentExtended) event;
    assertThat(extended.cause()).isEqualTo("ALERT_CORRELATED");
    assertThat(extended.assetIds()).containsExactly("asset-2");
    assertThat(extended.affectedProcesses()).hasSize(1);
    assertThat(extended.affectedProcesses().get(0).rpo()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void communicationsStayInside() {
    assertThat(
            map(
                new IncidentEvents.CommunicationLogged(
                    "inc-1",
                    "c-1",
                    Audience.values()[0],
                    Channel.values()[0],
                    true,
                    "Payments are down",
                    Instant.parse("2026-01-01T00:00:00Z")),
                Map.of("principal", "ann")))
        .isNull();
  }
}
