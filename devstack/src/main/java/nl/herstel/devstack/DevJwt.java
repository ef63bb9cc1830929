package nl.herstel.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Development token issuer: an RSA key pair kept as PEM files outside the repository, and compact
 * RS256 JWTs that Open Liberty's mpJwt-2.1 accepts ({@code mp.jwt.verify.publickey.location} =
 * {@link #publicKeyPem()}, {@code mp.jwt.verify.issuer} = {@link #ISSUER}). JDK only.
 */
public final class DevJwt {
  public static final String ISSUER = "https://herstel.dev/devstack";

  /**
   * The audience every Herstel service requires ({@code mp.jwt.verify.audiences}): a token issued
   * for another application of the same identity provider is refused.
   */
  public static final String AUDIENCE = "herstel";

  /** The roles of Herstel (the {@code groups} a token can carry). */
  public static final Set<String> ROLES =
      Set.copyOf(
          new LinkedHashSet<>(
              java.util.List.of(
                  "bcm-manager",
                  "process-owner",
                  "plan-owner",
                  "incident-commander",
                  "recovery-team",
                  "soc-intake",
                  "management",
                  "auditor")));

  public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
  public static final String PUBLIC_KEY_FILE = "jwt-public.pem";

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private final RSAPrivateKey privateKey;
  private final RSAPublicKey publicKey;
  private final Path publicKeyPem;
  private final String kid;

  private DevJwt(RSAPrivateKey privateKey, RSAPublicKey publicKey, Path publicKeyPem) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.publicKeyPem = publicKeyPem;
    this.kid = keyId(publicKey);
  }

  /** Loads the key pair from {@code keyDir}, or creates and stores a new RSA 2048 pair there. */
  public static synchronized DevJwt loadOrCreate(Path keyDir) {
    Path priv = keyDir.resolve(PRIVATE_KEY_FILE);
    Path pub = keyDir.resolve(PUBLIC_KEY_FILE);
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      if (Files.isRegularFile(priv) && Files.isRegularFile(pub)) {
        RSAPrivateKey privateKey =
            (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(priv)));
        RSAPublicKey publicKey =
            (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(readPem(pub)));
        return new DevJwt(privateKey, publicKey, pub.toAbsolutePath());
      }
      Files.createDirectories(keyDir);
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048);
      KeyPair pair = gen.generateKeyPair();
      writePem(priv, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
      writePem(pub, "PUBLIC KEY", pair.getPublic().getEncoded(), false);
      return new DevJwt(
          (RSAPrivateKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic(), pub.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load or store JWT keys in " + keyDir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("bad JWT keys in " + keyDir, e);
    }
  }

  /** The public key (X.509 SubjectPublicKeyInfo, PEM). */
  public Path publicKeyPem() {
    return publicKeyPem;
  }

  public RSAPublicKey publicKey() {
    return publicKey;
  }

  public String keyId() {
    return kid;
  }

  /**
   * A signed token for {@code subject} with {@code groups} as its roles, valid for {@code ttl}.
   *
   * @throws IllegalArgumentException for a role not in {@link #ROLES}
   */
  public String mint(String subject, Set<String> groups, Duration ttl) {
    return mint(subject, AUDIENCE, groups, ttl);
  }

  /**
   * A token for another audience than Herstel's, for tests that it is refused: identity providers
   * issue tokens for many applications with the same key.
   */
  public String mintWithAudience(String subject, String audience, String... roles) {
    return mint(subject, audience, Set.of(roles), Duration.ofMinutes(10));
  }

  private String mint(String subject, String audience, Set<String> groups, Duration ttl) {
    Objects.requireNonNull(subject, "subject");
    for (String g : groups) {
      if (!ROLES.contains(g)) {
        throw new IllegalArgumentException("unknown role: " + g + " (known: " + ROLES + ")");
      }
    }
    Instant now = Instant.now();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + json(kid) + "}";
    StringBuilder claims = new StringBuilder("{");
    claims.append("\"iss\":").append(json(ISSUER));
    claims.append(",\"aud\":").append(json(audience));
    claims.append(",\"sub\":").append(json(subject));
    claims.append(",\"upn\":").append(json(subject));
    claims.append(",\"preferred_username\":").append(json(subject));
    claims.append(",\"groups\":[");
    boolean first = true;
    for (String g : new TreeSet<>(groups)) {
      claims.append(first ? "" : ",").append(json(g));
      first = false;
    }
    claims.append("]");
    claims.append(",\"iat\":").append(now.getEpochSecond());
    claims.append(",\"exp\":").append(now.plus(ttl).getEpochSecond());
    claims.append(",\"jti\":").append(json(UUID.randomUUID().toString()));
    claims.append("}");
    String signingInput = b64(header) + "." + b64(claims.toString());
    try {
      Signature sig = Signature.getInstance("SHA256withRSA");
      sig.initSign(privateKey);
      sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64URL.encodeToString(sig.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign JWT", e);
    }
  }

  private static String b64(String json) {
    return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON string literal. */
  static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static String keyId(RSAPublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return B64URL.encodeToString(java.util.Arrays.copyOf(digest, 12));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readPem(Path file) throws IOException {
    String body =
        Files.readString(file, StandardCharsets.US_ASCII)
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  private static void writePem(Path file, String type, byte[] der, boolean secret)
      throws IOException {
    String pem =
        "-----BEGIN "
            + type
            + "-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END "
            + type
            + "-----\n";
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
    if (secret) {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
    }
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
