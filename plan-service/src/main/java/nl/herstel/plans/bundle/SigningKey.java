package nl.herstel.plans.bundle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.logging.Logger;
import nl.herstel.plans.config.BundleConfig;
import nl.herstel.platform.jdbc.DataAccessException;
import nl.herstel.platform.jdbc.Database;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;

/**
 * The OpenPGP key that signs plan bundles: from the configured file, or generated once and kept in
 * plan-service's database so every replica and every restart signs with the same key. Its public
 * half is served so anyone can verify a bundle offline. Only the fingerprint is ever logged.
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
          PGPSecretKeyRing ring;
          char[] passphrase = new char[0];
          if (config.signingKeyFile().isPresent()) {
            ring = OpenPgp.secretKeyRing(read(Path.of(config.signingKeyFile().get())));
            passphrase = config.signingKeyPassphrase();
          } else {
            ring = OpenPgp.secretKeyRing(storedOrGenerated());
          }
          current = new Loaded(ring, OpenPgp.privateKey(ring, passphrase), OpenPgp.publicKey(ring));
          loaded = current;
          String fingerprint = fingerprint(ring.getPublicKey());
          LOG.info(() -> "Plan bundles are signed with OpenPGP key " + fingerprint);
        }
      }
    }
    return current;
  }

  private String storedOrGenerated() {
    String stored = stored();
    if (stored != null) {
      return stored;
    }
    String generated = OpenPgp.generateSigningKey(USER_ID);
    String fingerprint = fingerprint(OpenPgp.secretKeyRing(generated).getPublicKey());
    database
        .transactions()
        .inTransaction(
            () -> {
              try (Connection c = database.transactions().getConnection();
                  PreparedStatement s =
                      c.prepareStatement(
                          "INSERT INTO plan_signing_key (id, secret_key, fingerprint, created_at)"
                              + " VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                s.setString(1, generated);
                s.setString(2, fingerprint);
                s.setTimestamp(3, Timestamp.from(Instant.now()));
                return s.executeUpdate();
              } catch (SQLException e) {
                throw new DataAccessException("Could not keep the bundle signing key", e);
              }
            });
    return stored();
  }

  private String stored() {
    try (Connection c = database.transactions().getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT secret_key FROM plan_signing_key WHERE id = 1");
        ResultSet r = s.executeQuery()) {
      return r.next() ? r.getString(1) : null;
    } catch (SQLException e) {
      throw new DataAccessException("Could not read the bundle signing key", e);
    }
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
