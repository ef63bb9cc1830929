package nl.herstel.bia.integration;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;
import nl.herstel.bia.api.BiaCommands.AddAssetIdentifier;
import nl.herstel.bia.api.BiaCommands.IdentifierOutcome;
import nl.herstel.bia.api.BiaCommands.NewIdentifier;
import nl.herstel.bia.api.BiaQueries.FindAsset;
import nl.herstel.bia.query.AssetView;
import nl.herstel.contracts.incidents.AssetHintMapped;
import nl.herstel.platform.kafka.IncomingEvent;
import nl.herstel.platform.kafka.IntegrationEventHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Turns an incident commander's mapping of a SOC hint (published by incident-service) into an
 * identifier of the asset: bia-service owns identifiers, so the hint reaches the BIA only through
 * its own command, and is then published like any identifier. The identifier id is derived from the
 * mapping id, so a redelivered mapping adds nothing twice. A value another asset holds by now is
 * logged and skipped: a consumer that failed on it would retry for ever.
 */
public class AssetHintMappingIntake implements IntegrationEventHandler<AssetHintMapped> {
  private static final Logger LOG = Logger.getLogger(AssetHintMappingIntake.class.getName());

  private final Supplier<CommandGateway> commands;
  private final Supplier<QueryGateway> queries;

  public AssetHintMappingIntake(Supplier<CommandGateway> commands, Supplier<QueryGateway> queries) {
    this.commands = commands;
    this.queries = queries;
  }

  @Override
  public void handle(AssetHintMapped event, IncomingEvent envelope) {
    if (queries
        .get()
        .query(new FindAsset(event.assetId()), ResponseTypes.optionalInstanceOf(AssetView.class))
        .join()
        .isEmpty()) {
      LOG.warning(() -> "Hint '" + event.hint() + "' mapped to unknown asset " + event.assetId());
      return;
    }
    String identifierId =
        UUID.nameUUIDFromBytes(
                ("hint-mapping:" + event.mappingId()).getBytes(StandardCharsets.UTF_8))
            .toString();
    IdentifierOutcome outcome =
        commands
            .get()
            .sendAndWait(
                new AddAssetIdentifier(
                    event.assetId(), new NewIdentifier(identifierId, event.kind(), event.value())));
    if (outcome.heldBy() != null || outcome.refusal() != null) {
      LOG.warning(
          () ->
              "Hint '"
                  + event.hint()
                  + "' mapped to asset "
                  + event.assetId()
                  + " by "
                  + event.mappedBy()
                  + " is not added: "
                  + (outcome.heldBy() != null
                      ? "asset " + outcome.heldBy() + " holds '" + outcome.value() + "'"
                      : outcome.refusal()));
    }
  }
}
