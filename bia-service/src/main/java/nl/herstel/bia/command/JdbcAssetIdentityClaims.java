package nl.herstel.bia.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.JdbcTransactions;

/**
 * The claims in PostgreSQL ({@code asset_identity_claim}, its key the primary key), on the
 * command's connection. {@code INSERT … ON CONFLICT DO NOTHING} waits for a concurrent claim of the
 * same key to commit or roll back, and never aborts the transaction: the loser sees the winner's
 * row and the command is refused without storing anything.
 */
public final class JdbcAssetIdentityClaims implements AssetIdentityClaims {
  private final JdbcTransactions db;

  public JdbcAssetIdentityClaims(JdbcTransactions db) {
    this.db = db;
  }

  @Override
  public Optional<String> claim(String assetId, String key) {
    try (Connection c = db.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO asset_identity_claim (claim_key, asset_id) VALUES (?, ?)"
                    + " ON CONFLICT (claim_key) DO NOTHING");
        PreparedStatement holder =
            c.prepareStatement("SELECT asset_id FROM asset_identity_claim WHERE claim_key = ?")) {
      insert.setString(1, key);
      insert.setString(2, assetId);
      if (insert.executeUpdate() == 1) {
        return Optional.empty();
      }
      holder.setString(1, key);
      try (ResultSet r = holder.executeQuery()) {
        String heldBy = r.next() ? r.getString(1) : null;
        return heldBy == null || heldBy.equals(assetId) ? Optional.empty() : Optional.of(heldBy);
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not claim an asset name or identifier", e);
    }
  }

  @Override
  public void release(String assetId, String key) {
    try (Connection c = db.getConnection();
        PreparedStatement delete =
            c.prepareStatement(
                "DELETE FROM asset_identity_claim WHERE claim_key = ? AND asset_id = ?")) {
      delete.setString(1, key);
      delete.setString(2, assetId);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException("Could not release an asset name or identifier", e);
    }
  }
}
