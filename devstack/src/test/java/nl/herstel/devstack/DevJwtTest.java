package nl.herstel.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevJwtTest {
  @TempDir Path keys;

  @Test
  void mintsRs256TokenThatVerifiesWithThePublicKey() throws Exception {
    DevJwt jwt = DevJwt.loadOrCreate(keys);
    String token = jwt.mint("alice", Set.of("bcm-manager", "auditor"), Duration.ofMinutes(5));

    String[] parts = token.split("\\.");
    assertThat(parts).hasSize(3);
    Signature sig = Signature.getInstance("SHA256withRSA");
    sig.initVerify(jwt.publicKey());
    sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(sig.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    assertThat(token).doesNotContain("=");

    String header = decode(parts[0]);
    assertThat(header)
        .contains("\"alg\":\"RS256\"", "\"typ\":\"JWT\"", "\"kid\":\"" + jwt.keyId() + "\"");
    String claims = decode(parts[1]);
    assertThat(claims)
        .contains(
            "\"iss\":\"https://herstel.dev/devstack\"",
            "\"sub\":\"alice\"",
            "\"upn\":\"alice\"",
            "\"preferred_username\":\"alice\"",
            "\"groups\":[\"auditor\",\"bcm-manager\"]",
            "\"jti\":\"");
    long iat = number(claims, "iat");
    long exp = number(claims, "exp");
    assertThat(exp - iat).isEqualTo(300);
    assertThat(Math.abs(iat - Instant.now().getEpochSecond())).isLessThan(60);
  }

  @Test
  void keysArePersistedAsPemAndReloaded() throws Exception {
    DevJwt first = DevJwt.loadOrCreate(keys);
    assertThat(Files.readString(keys.resolve("jwt-private.pem")))
        .startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(first.publicKeyPem())).startsWith("-----BEGIN PUBLIC KEY-----");
    DevJwt second = DevJwt.loadOrCreate(keys);
    assertThat(second.publicKey()).isEqualTo(first.publicKey());
    assertThat(second.keyId()).isEqualTo(first.keyId());

    // A token of the reloaded issuer verifies with the first one's key.
    String[] parts = second.mint("bob", Set.of("management"), Duration.ofMinutes(1)).split("\\.");
    Signature sig = Signature.getInstance("SHA256withRSA");
    sig.initVerify(first.publicKey());
    sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(sig.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
  }

  @Test
  void rejectsUnknownRoles() {
    DevJwt jwt = DevJwt.loadOrCreate(keys);
    assertThatThrownBy(() -> jwt.mint("x", Set.of("root"), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("root");
    assertThat(DevJwt.ROLES)
        .containsExactlyInAnyOrder(
            "bcm-manager",
            "process-owner",
            "plan-owner",
            "incident-commander",
            "recovery-team",
            "soc-intake",
            "management",
            "auditor");
  }

  static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  static long number(String json, String name) {
    var m = java.util.regex.Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
    assertThat(m.find()).as(name).isTrue();
    return Long.parseLong(m.group(1));
  }
}
