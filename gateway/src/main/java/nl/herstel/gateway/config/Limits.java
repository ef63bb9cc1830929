package nl.herstel.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the gateway admits: request rates per client address, per bearer token and per intake API
 * key (token buckets: a sustained rate per second and a burst), the lock-out after repeated bad
 * intake keys, the proxies whose {@code X-Forwarded-For} names the real client, and the browser
 * origins allowed by CORS. Each limit is per gateway instance.
 */
@ApplicationScoped
public class Limits {

  /** Requests per second one client address may make, sustained. */
  @Inject
  @ConfigProperty(name = "herstel.gateway.limits.client-per-second", defaultValue = "1000")
  int clientPerSecond;

  /** Requests one client address may make at once above its sustained rate. */
  @Inject
  @ConfigProperty(name = "herstel.gateway.limits.client-burst", defaultValue = "2000")
  int clientBurst;

  /** Requests per second one bearer token may make, sustained. */
  @Inject
  @ConfigProperty(name = "herstel.gateway.limits.token-per-second", defaultValue = "500")
  int tokenPerSecond;

  /** Requests one bearer token may make at once above its sustained rate. */
  @Inject
  @ConfigProperty(name = "herstel.gateway.limits.token-burst", defaultValue = "1000")
  int tokenBurst;

  /** Intake requests per second one API key may make, sustained. */
  @Inject
  @ConfigProperty(name = "herstel.gateway.limits.intake-key-per-second", defaultValue = "1000")
  int intakeKeyPerSecond;

  /** Intake requests one API key may make at once above its sustained rate. */
  @Inject
  @ConfigProperty(name = "herstel.gateway.limits.intake-key-burst", defaultValue = "2000")
  int intakeKeyBurst;

  /** Refused intake keys from one client address within {@link #badKeyWindow} that lock it out. */
  @Inject
  @ConfigProperty(name = "herstel.gateway.limits.bad-key-attempts", defaultValue = "10")
  int badKeyAttempts;

  /** The window in which refused intake keys are counted. */
  @Inject
  @ConfigProperty(name = "herstel.gateway.limits.bad-key-window", defaultValue = "PT1M")
  Duration badKeyWindow;

  /** How long a locked-out client address gets 429 on intake requests that carry a key. */
  @Inject
  @ConfigProperty(name = "herstel.gateway.limits.bad-key-lockout", defaultValue = "PT5M")
  Duration badKeyLockout;

  /**
   * Addresses of proxies in front of the gateway (an ingress) whose {@code X-Forwarded-For} is
   * believed; from anyone else the connection's address is the client.
   */
  @Inject
  @ConfigProperty(name = "herstel.gateway.trusted-proxies")
  Optional<List<String>> trustedProxies;

  /**
   * Browser origins (e.g. {@code https://herstel.example.org}) that may call the API; none by
   * default.
   */
  @Inject
  @ConfigProperty(name = "herstel.gateway.cors.allowed-origins")
  Optional<List<String>> allowedOrigins;

  public int clientPerSecond() {
    return clientPerSecond;
  }

  public int clientBurst() {
    return clientBurst;
  }

  public int tokenPerSecond() {
    return tokenPerSecond;
  }

  public int tokenBurst() {
    return tokenBurst;
  }

  public int intakeKeyPerSecond() {
    return intakeKeyPerSecond;
  }

  public int intakeKeyBurst() {
    return intakeKeyBurst;
  }

  public int badKeyAttempts() {
    return badKeyAttempts;
  }

  public Duration badKeyWindow() {
    return badKeyWindow;
  }

  public Duration badKeyLockout() {
    return badKeyLockout;
  }

  public List<String> trustedProxies() {
    return trustedProxies.orElse(List.of());
  }

  public List<String> allowedOrigins() {
    return allowedOrigins.orElse(List.of());
  }
}
