package nl.herstel.plans.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the key that signs plan bundles comes from, and how strong an encryption passphrase must
 * be. The key never comes from the repository, an event or a log: either a file the operator mounts
 * (a secret), or a key plan-service generates at its first bundle and keeps in its own database.
 */
@ApplicationScoped
public class BundleConfig {

  /**
   * {@code herstel.plans.bundle.signing-key-file}: path of an ASCII-armoured OpenPGP secret key to
   * sign bundles with; default none: plan-service generates an RSA-3072 key once and keeps it in
   * its database (table {@code plan_signing_key}).
   */
  @Inject
  @ConfigProperty(name = "herstel.plans.bundle.signing-key-file")
  Optional<String> signingKeyFile;

  /**
   * {@code herstel.plans.bundle.signing-key-passphrase}: the passphrase of that key file, or the
   * one that encrypts the key plan-service generates and keeps in its database; a secret, from the
   * environment ({@code HERSTEL_PLANS_BUNDLE_SIGNING_KEY_PASSPHRASE}); default none (unprotected,
   * with a warning in the log).
   */
  @Inject
  @ConfigProperty(name = "herstel.plans.bundle.signing-key-passphrase")
  Optional<String> signingKeyPassphrase;

  /**
   * {@code herstel.plans.bundle.min-passphrase-length}: the shortest passphrase a bundle may be
   * encrypted to (default 12; it must also mix three kinds of character, or be 20 long).
   */
  @Inject
  @ConfigProperty(name = "herstel.plans.bundle.min-passphrase-length", defaultValue = "12")
  int minPassphraseLength;

  public Optional<String> signingKeyFile() {
    return signingKeyFile.filter(s -> !s.isBlank());
  }

  public char[] signingKeyPassphrase() {
    return signingKeyPassphrase.orElse("").toCharArray();
  }

  public int minPassphraseLength() {
    return Math.max(8, minPassphraseLength);
  }
}
