package nl.herstel.plans.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import java.util.Iterator;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPPublicKeyRing;
import org.bouncycastle.openpgp.bc.BcPGPSecretKeyRing;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * OpenPGP (RFC 4880) as the bundle needs it, with BouncyCastle's lightweight API (no JCA provider
 * to register): a signing key, detached ASCII-armoured signatures that {@code gpg --verify} checks,
 * and messages encrypted with AES-256 and an integrity packet that {@code gpg --decrypt} opens.
 */
public final class OpenPgp {
  private static final SecureRandom RANDOM = new SecureRandom();

  private OpenPgp() {}

  /**
   * A new RSA-3072 signing key, as an armoured secret key ring, its secret part encrypted with
   * {@code passphrase} (AES-256, iterated and salted S2K) unless that is empty.
   */
  public static String generateSigningKey(String userId, char[] passphrase) {
    try {
      RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
      generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), RANDOM, 3072, 80));
      BcPGPKeyPair pair =
          new BcPGPKeyPair(
              PublicKeyAlgorithmTags.RSA_GENERAL, generator.generateKeyPair(), new Date());
      PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
      hashed.setKeyFlags(false, KeyFlags.SIGN_DATA | KeyFlags.CERTIFY_OTHER);
      hashed.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA256});
      hashed.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
      PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
      PGPKeyRingGenerator rings =
          new PGPKeyRingGenerator(
              PGPSignature.POSITIVE_CERTIFICATION,
              pair,
              userId,
              sha1,
              hashed.generate(),
              null,
              new BcPGPContentSignerBuilder(
                  PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
              passphrase.length == 0 ? null : encryptor(passphrase));
      return armour(rings.generateSecretKeyRing().getEncoded());
    } catch (PGPException | IOException e) {
      throw new IllegalStateException("Could not generate the bundle signing key", e);
    }
  }

  /** Whether the secret part of the ring's signing key is encrypted with a passphrase. */
  public static boolean isProtected(PGPSecretKeyRing ring) {
    return ring.getSecretKey().getKeyEncryptionAlgorithm() != SymmetricKeyAlgorithmTags.NULL;
  }

  /**
   * The same key ring with its secret parts encrypted with {@code passphrase} instead of {@code
   * current} (empty: unprotected), armoured.
   */
  public static String withPassphrase(PGPSecretKeyRing ring, char[] current, char[] passphrase) {
    try {
      PGPSecretKeyRing changed =
          PGPSecretKeyRing.copyWithNewPassword(
              ring,
              new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                  .build(current),
              encryptor(passphrase));
      return armour(changed.getEncoded());
    } catch (PGPException | IOException e) {
      throw new IllegalStateException("Could not protect the bundle signing key", e);
    }
  }

  private static org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor encryptor(
      char[] passphrase) {
    try {
      PGPDigestCalculator sha256 =
          new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256);
      return new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha256, 0xF0)
          .build(passphrase);
    } catch (PGPException e) {
      throw new IllegalStateException("Could not prepare the key encryption", e);
    }
  }

  /** Reads an armoured (or binary) secret key ring. */
  public static PGPSecretKeyRing secretKeyRing(String armoured) {
    try (InputStream in =
        PGPUtil.getDecoderStream(
            new ByteArrayInputStream(armoured.getBytes(StandardCharsets.US_ASCII)))) {
      return new BcPGPSecretKeyRing(in);
    } catch (IOException | PGPException e) {
      throw new IllegalArgumentException("Not an OpenPGP secret key", e);
    }
  }

  /** Reads an armoured (or binary) public key ring, e.g. a recipient's key. */
  public static PGPPublicKeyRing publicKeyRing(String armoured) {
    try (InputStream in =
        PGPUtil.getDecoderStream(
            new ByteArrayInputStream(armoured.getBytes(StandardCharsets.UTF_8)))) {
      return new BcPGPPublicKeyRing(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("Not an OpenPGP public key", e);
    }
  }

  /** The armoured public key of a secret key ring, for whoever verifies signatures. */
  public static String publicKey(PGPSecretKeyRing secret) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Iterator<PGPPublicKey> keys = secret.getPublicKeys();
      while (keys.hasNext()) {
        keys.next().encode(bytes);
      }
      return armour(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The private signing key of a ring, unlocked with {@code passphrase} (empty: none). */
  public static PGPPrivateKey privateKey(PGPSecretKeyRing ring, char[] passphrase) {
    try {
      PGPSecretKey key = ring.getSecretKey();
      return key.extractPrivateKey(
          new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
              .build(passphrase));
    } catch (PGPException e) {
      throw new IllegalStateException("Could not unlock the bundle signing key", e);
    }
  }

  /** A detached, ASCII-armoured signature over {@code data}. */
  public static String sign(byte[] data, PGPPrivateKey key, PGPPublicKey publicKey) {
    try {
      PGPSignatureGenerator generator =
          new PGPSignatureGenerator(
              new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), HashAlgorithmTags.SHA256),
              publicKey);
      generator.init(PGPSignature.BINARY_DOCUMENT, key);
      generator.update(data);
      return armour(generator.generate().getEncoded());
    } catch (PGPException | IOException e) {
      throw new IllegalStateException("Could not sign the bundle", e);
    }
  }

  /**
   * {@code data} as an OpenPGP message encrypted to a passphrase (AES-256, integrity-protected).
   */
  public static byte[] encryptToPassphrase(byte[] data, String fileName, char[] passphrase) {
    PGPEncryptedDataGenerator generator = generator();
    generator.addMethod(new BcPBEKeyEncryptionMethodGenerator(passphrase));
    return encrypt(generator, data, fileName);
  }

  /** {@code data} as an OpenPGP message encrypted to a recipient's public key. */
  public static byte[] encryptToKey(byte[] data, String fileName, PGPPublicKeyRing recipient) {
    PGPPublicKey key = null;
    for (Iterator<PGPPublicKey> keys = recipient.getPublicKeys(); keys.hasNext(); ) {
      PGPPublicKey candidate = keys.next();
      if (candidate.isEncryptionKey() && (key == null || key.isMasterKey())) {
        key = candidate;
      }
    }
    if (key == null) {
      throw new IllegalArgumentException("The public key cannot encrypt");
    }
    PGPEncryptedDataGenerator generator = generator();
    generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key));
    return encrypt(generator, data, fileName);
  }

  private static PGPEncryptedDataGenerator generator() {
    return new PGPEncryptedDataGenerator(
        new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
            .setWithIntegrityPacket(true)
            .setSecureRandom(RANDOM));
  }

  private static byte[] encrypt(PGPEncryptedDataGenerator generator, byte[] data, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 1024);
    try (OutputStream encrypted = generator.open(out, new byte[1 << 16])) {
      PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
      try (OutputStream plain =
          literal.open(encrypted, PGPLiteralData.BINARY, name, data.length, new Date())) {
        plain.write(data);
      }
    } catch (PGPException | IOException e) {
      throw new IllegalStateException("Could not encrypt the bundle", e);
    }
    return out.toByteArray();
  }

  private static String armour(byte[] encoded) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArmoredOutputStream armoured = new ArmoredOutputStream(out)) {
      armoured.write(encoded);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
