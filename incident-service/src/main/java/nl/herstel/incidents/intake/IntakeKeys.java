package nl.herstel.incidents.intake;

import static nl.herstel.platform.jdbc.Sql.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.NotFound;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.jdbc.Sql;

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
        Instant.now(),
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
        Instant.now(),
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

  /**
   * The keys by creation, {@code limit + 1} after the key {@code after} names (null: from the
   * start).
   */
  public List<IntakeKey> list(String after, int limit) {
    if (after == null) {
      return keys("SELECT * FROM intake_key ORDER BY created_at, key_id LIMIT ?", limit + 1);
    }
    return keys(
        "SELECT * FROM intake_key WHERE (created_at, key_id) > (SELECT created_at, key_id"
            + " FROM intake_key WHERE key_id = ?) ORDER BY created_at, key_id LIMIT ?",
        after,
        limit + 1);
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

  private List<IntakeKey> keys(String query, Object... args) {
    return sql()
        .list(
            query,
            r ->
                new IntakeKey(
                    r.getString("key_id"),
                    r.getString("source"),
                    r.getString("description"),
                    r.getString("key_prefix"),
                    instant(r, "created_at"),
                    r.getString("created_by"),
                    instant(r, "revoked_at"),
                    r.getString("revoked_by"),
                    instant(r, "last_used_at")),
            args);
  }

  private void update(String statement, Object... args) {
    sql().update(statement, args);
  }

  private Sql sql() {
    return new Sql(database.transactions());
  }
}
