package nl.herstel.contracts.bia;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;

/**
 * An asset was retired from the BIA: it stays in the history, but nothing new may depend on it.
 *
 * @param assetId the retired asset; the subject
 * @param reason why it was retired; nullable
 * @param occurredAt when it was retired
 */
public record AssetRetired(String assetId, String reason, Instant occurredAt)
    implements IntegrationEvent {

  public AssetRetired {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return assetId;
  }
}
