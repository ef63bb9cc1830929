package nl.herstel.plans.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import nl.herstel.plans.it.Bundles;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.junit.jupiter.api.Test;

/** The signing key at rest: generated protected, protected later, and still signing. */
class OpenPgpTest {
  private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
  private static final byte[] DATA = "the plan".getBytes(StandardCharsets.UTF_8);

  @Test
  void aKeyGeneratedWithAPassphraseOpensOnlyWithIt() throws Exception {
    PGPSecretKeyRing ring =
        OpenPgp.secretKeyRing(OpenPgp.generateSigningKey("test <t@x.invalid>", PASSPHRASE));

    assertThat(OpenPgp.isProtected(ring)).isTrue();
    assertThatThrownBy(() -> OpenPgp.privateKey(ring, new char[0]))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> OpenPgp.privateKey(ring, "wrong".toCharArray()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(signsAndVerifies(ring, PASSPHRASE)).isTrue();
  }

  @Test
  void anUnprotectedKeyIsProtectedWithoutChangingIt() throws Exception {
    PGPSecretKeyRing plain =
        OpenPgp.secretKeyRing(OpenPgp.generateSigningKey("test <t@x.invalid>", new char[0]));
    assertThat(OpenPgp.isProtected(plain)).isFalse();

    PGPSecretKeyRing locked =
        OpenPgp.secretKeyRing(OpenPgp.withPassphrase(plain, new char[0], PASSPHRASE));

    assertThat(OpenPgp.isProtected(locked)).isTrue();
    assertThat(locked.getPublicKey().getFingerprint())
        .isEqualTo(plain.getPublicKey().getFingerprint());
    assertThatThrownBy(() -> OpenPgp.privateKey(locked, new char[0]))
        .isInstanceOf(IllegalStateException.class);
    assertThat(signsAndVerifies(locked, PASSPHRASE)).isTrue();
  }

  private static boolean signsAndVerifies(PGPSecretKeyRing ring, char[] passphrase)
      throws Exception {
    String signature =
        OpenPgp.sign(DATA, OpenPgp.privateKey(ring, passphrase), ring.getPublicKey());
    return Bundles.verifies(DATA, signature, OpenPgp.publicKey(ring));
  }
}
