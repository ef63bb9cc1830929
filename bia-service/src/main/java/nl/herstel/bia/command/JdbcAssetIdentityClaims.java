package nl.herstel.bia.command;

import java.util.Optional;
import nl.herstel.platform.jdbc.Sql;

/**
 * The claims in PostgreSQL ({@code asset_identity_claim}, its key the primary key), on the
 * command's connection. {@code INSERT … ON CONFLICT DO NOTHING} waits for a concurrent claim of the
 * same key to commit or roll back, and never aborts the transaction: the loser sees the winner's
 * row and the command is refused without storing anything.
 */
public final class JdbcAssetIdentityClaims implements AssetIdentityClaims {
  private final Sql sql;

  public JdbcAssetIdentityClaims(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Optional<String> claim(String assetId, String key) {
    if (sql.update(
            "INSERT INTO asset_identity_claim (claim_key, asset_id) VALUES (?, ?)"
                + " ON CONFLICT (claim_key) DO NOTHING",
            key,
            assetId)
        == 1) {
      return Optional.empty();
    }
    return sql.one(
            "SELECT asset_id FROM asset_identity_claim WHERE claim_key = ?",
            r -> r.getString(1),
            key)
        .filter(heldBy -> !heldBy.equals(assetId));
  }

  @Override
  public void release(String assetId, String key) {
    sql.update(
        "DELETE FROM asset_identity_claim WHERE claim_key = ? AND asset_id = ?", key, assetId);
  }
}
