package nl.herstel.devstack.testing;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.herstel.devstack.DevstackOptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prepares a service's Liberty server for an Arquillian-managed integration test: starts the {@link
 * TestInfrastructure} and writes the server's {@code server.env}. Register it before Arquillian's
 * extension. Reads the system properties {@code herstel.it.server} (server name), {@code
 * herstel.it.database} (optional) and {@code herstel.liberty.wlp} (default {@code <project
 * root>/target/liberty/wlp}). Does its work once per server and JVM.
 */
public final class HerstelServiceExtension implements BeforeAllCallback {
  public static final String SERVER_PROPERTY = "herstel.it.server";
  public static final String DATABASE_PROPERTY = "herstel.it.database";
  public static final String WLP_PROPERTY = "herstel.liberty.wlp";
  public static final String HTTP_PORT_PROPERTY = "herstel.it.http.port";

  private static final Set<String> PREPARED = ConcurrentHashMap.newKeySet();

  @Override
  public void beforeAll(ExtensionContext context) {
    String server = System.getProperty(SERVER_PROPERTY);
    if (server == null || server.isBlank()) {
      throw new ExtensionConfigurationException(
          "set the system property "
              + SERVER_PROPERTY
              + " (the Liberty server name) for "
              + getClass().getSimpleName());
    }
    synchronized (PREPARED) {
      if (PREPARED.contains(server)) {
        return;
      }
      String wlp = System.getProperty(WLP_PROPERTY);
      Path wlpDir =
          wlp == null || wlp.isBlank()
              ? DevstackOptions.projectRoot().resolve("target/liberty/wlp")
              : Paths.get(wlp);
      TestInfrastructure infra = TestInfrastructure.get().startAll();
      String service = server.replaceFirst("-it(-[a-z0-9]+)?$", "");
      Map<String, String> env =
          new LinkedHashMap<>(
              LibertyServerEnv.serviceEnv(infra, service, System.getProperty(DATABASE_PROPERTY)));
      String port = System.getProperty(HTTP_PORT_PROPERTY);
      if (port != null && !port.isBlank()) {
        env.put("HTTP_PORT", port);
      }
      LibertyServerEnv.write(wlpDir, server, env);
      PREPARED.add(server);
    }
  }
}
