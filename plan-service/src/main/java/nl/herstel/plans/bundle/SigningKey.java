package nl.herstel.plans.bundle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ServiceUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.logging.Logger;
import nl.herstel.plans.config.BundleConfig;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.jdbc.Sql;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;

/**
 * The OpenPGP key that signs plan bundles: from the configured file, or generated once and kept in
 * plan-service's database so every replica and every restart signs with the same key. Its public
 * half is served so anyone can verify a bundle offline. Only the fingerprint is ever logged.
 *
 * <p>The key kept in the database is encrypted with the configured signing-key passphrase (a secret
 * from the environment): a copy of the database alone does not sign bundles. A key stored before a
 * passphrase was configured is encrypted with it at the next start; without a passphrase the key is
 * kept unprotected and a warning says so.
 */
@ApplicationScoped
public class SigningKey {
  private static final Logger LOG = Logger.getLogger(SigningKey.class.getName());
  private static final String USER_ID = "Herstel plan-service <plan-bundles@herstel.invalid>";

  @Inject BundleConfig config;
  @Inject Database database;

  private volatile Loaded loaded;

  private record Loaded(PGPSecretKeyRing ring, PGPPrivateKey privateKey, String publicKey) {}

  /** A detached armoured signature over {@code data}. */
  public String sign(byte[] data) {
    Loaded key = load();
    return OpenPgp.sign(data, key.privateKey(), key.ring().getPublicKey());
  }

  /** The armoured public key that verifies the signatures. */
  public String publicKey() {
    return load().publicKey();
  }

  /** The key's fingerprint, in upper-case hex. */
  public String fingerprint() {
    return fingerprint(load().ring().getPublicKey());
  }

  private Loaded load() {
    Loaded current = loaded;
    if (current == null) {
      synchronized (this) {
        current = loaded;
        if (current == null) {
          char[] passphrase = config.signingKeyPassphrase();
          PGPSecretKeyRing ring =
              OpenPgp.secretKeyRing(
                  config.signingKeyFile().isPresent()
                      ? read(Path.of(config.signingKeyFile().get()))
                      : storedOrGenerated(passphrase));
          current = new Loaded(ring, unlock(ring, passphrase), OpenPgp.publicKey(ring));
          loaded = current;
          String fingerprint = fingerprint(ring.getPublicKey());
          LOG.info(() -> "Plan bundles are signed with OpenPGP key " + fingerprint);
        }
      }
    }
    return current;
  }

  private static PGPPrivateKey unlock(PGPSecretKeyRing ring, char[] passphrase) {
    try {
      return OpenPgp.privateKey(ring, passphrase);
    } catch (IllegalStateException e) {
      LOG.severe(
          "The bundle signing key does not open with the configured passphrase"
              + " (herstel.plans.bundle.signing-key-passphrase,"
              + " HERSTEL_PLANS_BUNDLE_SIGNING_KEY_PASSPHRASE): bundles cannot be signed");
      throw new ServiceUnavailableException(
          "plan-service cannot unlock its bundle signing key; an operator must fix its"
              + " configuration");
    }
  }

  private String storedOrGenerated(char[] passphrase) {
    Sql sql = new Sql(database.transactions());
    String stored = stored(sql);
    if (stored == null) {
      String generated = OpenPgp.generateSigningKey(USER_ID, passphrase);
      sql.update(
          "INSERT INTO plan_signing_key (id, secret_key, fingerprint, created_at)"
              + " VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
          generated,
          fingerprint(OpenPgp.secretKeyRing(generated).getPublicKey()),
          Instant.now());
      stored = stored(sql);
    }
    PGPSecretKeyRing ring = OpenPgp.secretKeyRing(stored);
    if (OpenPgp.isProtected(ring)) {
      return stored;
    }
    if (passphrase.length == 0) {
      LOG.warning(
          "The bundle signing key in plan-service's database is not encrypted: set"
              + " HERSTEL_PLANS_BUNDLE_SIGNING_KEY_PASSPHRASE (a secret) to protect it");
      return stored;
    }
    String protectedKey = OpenPgp.withPassphrase(ring, new char[0], passphrase);
    sql.update(
        "UPDATE plan_signing_key SET secret_key = ? WHERE id = 1 AND secret_key = ?",
        protectedKey,
        stored);
    LOG.info("The bundle signing key in plan-service's database is now encrypted");
    return stored(sql);
  }

  private static String stored(Sql sql) {
    return sql.one("SELECT secret_key FROM plan_signing_key WHERE id = 1", r -> r.getString(1))
        .orElse(null);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the bundle signing key file " + file, e);
    }
  }

  static String fingerprint(PGPPublicKey key) {
    return HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
  }
}
