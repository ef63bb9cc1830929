package nl.herstel.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables a Herstel service reads, built the same way for the devstack and for
 * integration tests ({@code nl.herstel.devstack.testing.LibertyServerEnv}).
 */
public final class ServiceEnvironment {
  public static final String SERVICE_NAME = "HERSTEL_SERVICE_NAME";
  public static final String DB_URL = "HERSTEL_DB_URL";
  public static final String DB_USER = "HERSTEL_DB_USER";
  public static final String DB_PASSWORD = "HERSTEL_DB_PASSWORD";
  public static final String KAFKA_BOOTSTRAP_SERVERS = "HERSTEL_KAFKA_BOOTSTRAP_SERVERS";
  public static final String JWT_PUBLIC_KEY_LOCATION = "MP_JWT_VERIFY_PUBLICKEY_LOCATION";
  public static final String JWT_ISSUER = "MP_JWT_VERIFY_ISSUER";
  public static final String JWT_AUDIENCES = "MP_JWT_VERIFY_AUDIENCES";
  public static final String ROUTES_PREFIX = "HERSTEL_ROUTES_";

  private ServiceEnvironment() {}

  /**
   * The variables of one service.
   *
   * @param serviceName may be null (then {@code HERSTEL_SERVICE_NAME} is left out)
   * @param jdbcUrl may be null for a service without a database (then no {@code HERSTEL_DB_*})
   */
  public static Map<String, String> of(
      String serviceName,
      String jdbcUrl,
      String dbUser,
      String dbPassword,
      String kafkaBootstrap,
      Path jwtPublicKeyPem) {
    Map<String, String> env = new LinkedHashMap<>();
    if (serviceName != null) {
      env.put(SERVICE_NAME, serviceName);
    }
    if (jdbcUrl != null) {
      env.put(DB_URL, jdbcUrl);
      env.put(DB_USER, dbUser);
      env.put(DB_PASSWORD, dbPassword == null ? "" : dbPassword);
    }
    env.put(KAFKA_BOOTSTRAP_SERVERS, kafkaBootstrap);
    env.put(JWT_PUBLIC_KEY_LOCATION, jwtPublicKeyPem.toAbsolutePath().toUri().toString());
    env.put(JWT_ISSUER, DevJwt.ISSUER);
    env.put(JWT_AUDIENCES, DevJwt.AUDIENCE);
    return env;
  }

  /**
   * The gateway's routes to the four services: {@code HERSTEL_ROUTES_BIA=http://127.0.0.1:8081}
   * etc.
   */
  public static Map<String, String> gatewayRoutes(Ports ports) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(ROUTES_PREFIX + "BIA", "http://127.0.0.1:" + ports.bia());
    env.put(ROUTES_PREFIX + "PLANS", "http://127.0.0.1:" + ports.plans());
    env.put(ROUTES_PREFIX + "INCIDENTS", "http://127.0.0.1:" + ports.incidents());
    env.put(ROUTES_PREFIX + "LESSONS", "http://127.0.0.1:" + ports.lessons());
    return env;
  }

  /**
   * Where the gateway's web console signs in: the token service's authorization-code flow ({@code
   * HERSTEL_CONSOLE_OIDC_AUTHORIZATION_ENDPOINT}, {@code HERSTEL_CONSOLE_OIDC_TOKEN_ENDPOINT}).
   */
  public static Map<String, String> consoleSignIn(Ports ports) {
    String tokens = "http://localhost:" + ports.tokens();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HERSTEL_CONSOLE_OIDC_AUTHORIZATION_ENDPOINT", tokens + "/authorize");
    env.put("HERSTEL_CONSOLE_OIDC_TOKEN_ENDPOINT", tokens + "/token");
    return env;
  }
}
