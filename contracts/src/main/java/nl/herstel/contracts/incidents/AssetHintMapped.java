package nl.herstel.contracts.incidents;

import java.time.Instant;
import java.util.Objects;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.contracts.bia.IdentifierKind;

/**
 * An incident commander said which BIA asset a SOC hint no asset matched names: bia-service adds
 * the hint to that asset as an identifier (it owns identifiers; nobody else writes them), and once
 * it publishes the identifier, open incidents that named the hint resolve it.
 *
 * @param mappingId the mapping's id; the subject
 * @param hint the hint as the SOC tool sent it
 * @param assetId the BIA asset it names
 * @param kind the kind of identifier the hint is
 * @param value the identifier in the normal form of {@code AssetIdentifiers}
 * @param mappedBy who mapped it
 * @param occurredAt when it was mapped
 */
public record AssetHintMapped(
    String mappingId,
    String hint,
    String assetId,
    IdentifierKind kind,
    String value,
    String mappedBy,
    Instant occurredAt)
    implements IntegrationEvent {

  public AssetHintMapped {
    Objects.requireNonNull(mappingId, "mappingId");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(mappedBy, "mappedBy");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  @Override
  public String subject() {
    return mappingId;
  }
}
