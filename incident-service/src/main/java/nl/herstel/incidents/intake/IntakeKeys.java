package nl.herstel.incidents.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.Database;

/**
 * The per-source API keys of the SOC intake. A key is {@code hik_} and 43 characters of base64url
 * (256 random bits); only its SHA-256 is stored, so a leaked database leaks no usable key. A plain,
 * fast hash suffices because the keys are random, not passwords. Revoked keys stay listed.
 */
@ApplicationScoped
public class IntakeKeys {
  private static final String PREFIX = "hik_";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Database database;

  /** A key as listed: never the key itself. */
  public record IntakeKey(
      String keyId,
      String source,
      String description,
      String keyPrefix,
      Instant createdAt,
      String createdBy,
      Instant revokedAt,
      String revokedBy,
      Instant lastUsedAt) {}

  /** A newly issued key: {@code key} is shown this once. */
  public record IssuedKey(String keyId, String source, String key) {}

  /** Issues a key for one source. */
  public IssuedKey issue(String source, String description, String by) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String keyId = UUID.randomUUID().toString();
    update(
        "INSERT INTO intake_key (key_id, source, description, key_hash, key_prefix, created_at,"
            + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        keyId,
        source,
        description,
        hash(key),
        key.substring(0, PREFIX.length() + 4),
        Timestamp.from(Instant.now()),
        by);
    return new IssuedKey(keyId, source, key);
  }

  /** Revokes a key; a revoked key authenticates nothing from then on. */
  public void revoke(String keyId, String by) {
    IntakeKey key = find(keyId).orElseThrow(() -> new NotFound("Intake key", keyId));
    if (key.revokedAt() != null) {
      throw new Conflict("Intake key " + keyId + " was revoked at " + key.revokedAt());
    }
    update(
        "UPDATE intake_key SET revoked_at = ?, revoked_by = ? WHERE key_id = ?"
            + " AND revoked_at IS NULL",
        Timestamp.from(Instant.now()),
        by,
        keyId);
  }

  /**
   * The active key a presented key is, if any. Notes when it was last used, at most once a minute
   * per key, so authentication does not write on every request.
   */
  public Optional<IntakeKey> authenticate(String presented) {
    if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
      return Optional.empty();
    }
    Optional<IntakeKey> key =
        keys("SELECT * FROM intake_key WHERE key_hash = ? AND revoked_at IS NULL", hash(presented))
            .stream()
            .findFirst();
    key.ifPresent(
        k ->
            update(
                "UPDATE intake_key SET last_used_at = now() WHERE key_id = ?"
                    + " AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')",
                k.keyId()));
    return key;
  }

  public List<IntakeKey> list() {
    return keys("SELECT * FROM intake_key ORDER BY created_at, key_id");
  }

  public Optional<IntakeKey> find(String keyId) {
    return keys("SELECT * FROM intake_key WHERE key_id = ?", keyId).stream().findFirst();
  }

  static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<IntakeKey> keys(String sql, Object... args) {
    List<IntakeKey> keys = new ArrayList<>();
    try (Connection c = database.transactions().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          keys.add(
              new IntakeKey(
                  r.getString("key_id"),
                  r.getString("source"),
                  r.getString("description"),
                  r.getString("key_prefix"),
                  r.getTimestamp("created_at").toInstant(),
                  r.getString("created_by"),
                  instant(r.getTimestamp("revoked_at")),
                  r.getString("revoked_by"),
                  instant(r.getTimestamp("last_used_at"))));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Could not read intake keys", e);
    }
    return keys;
  }

  private void update(String sql, Object... args) {
    try (Connection c = database.transactions().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessException("Could not change intake keys", e);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
