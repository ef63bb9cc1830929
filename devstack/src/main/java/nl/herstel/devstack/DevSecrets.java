package nl.herstel.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets a devstack's services need beyond the database and the JWT keys: random, made on
 * first start and kept with the devstack's data (never in the repository), so they survive restarts
 * together with the data they protect and go with {@code --reset}.
 */
public final class DevSecrets {
  /** Encrypts plan-service's bundle signing key in its database. */
  public static final String PLAN_SIGNING_KEY_PASSPHRASE =
      "HERSTEL_PLANS_BUNDLE_SIGNING_KEY_PASSPHRASE";

  private static final SecureRandom RANDOM = new SecureRandom();

  private DevSecrets() {}

  /** The secret in {@code <keyDir>/<name>}, created with 256 random bits when missing. */
  public static synchronized String loadOrCreate(Path keyDir, String name) {
    Path file = keyDir.resolve(name);
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
      }
      Files.createDirectories(keyDir);
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load or store the secret " + file, e);
    }
  }
}
