package nl.herstel.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's own PostgreSQL database. The password comes from the environment ({@code
 * HERSTEL_DB_PASSWORD}) or a mounted secret, never from a file in the repository.
 */
@ApplicationScoped
public class DatabaseConfig {

  /** JDBC URL of this service's own database. */
  @Inject
  @ConfigProperty(
      name = "herstel.db.url",
      defaultValue = "jdbc:postgresql://localhost:15432/herstel")
  String url;

  /** Database user. */
  @Inject
  @ConfigProperty(name = "herstel.db.user", defaultValue = "postgres")
  String user;

  /** Database password; empty for the devstack's trust authentication. */
  @Inject
  @ConfigProperty(name = "herstel.db.password")
  Optional<String> password;

  /** Maximum number of pooled connections. */
  @Inject
  @ConfigProperty(name = "herstel.db.pool-size", defaultValue = "10")
  int poolSize;

  /**
   * How long a request waits for a pooled connection before it is answered 503 with {@code
   * Retry-After} (ISO-8601, default PT3S): while PostgreSQL is away, callers learn it fast instead
   * of hanging.
   */
  @Inject
  @ConfigProperty(name = "herstel.db.connection-timeout", defaultValue = "PT3S")
  String connectionTimeout;

  public Duration connectionTimeout() {
    Duration value = Duration.parse(connectionTimeout);
    // Hikari refuses less than 250 ms
    return value.toMillis() < 250 ? Duration.ofMillis(250) : value;
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password.orElse("");
  }

  public int poolSize() {
    return poolSize;
  }
}
