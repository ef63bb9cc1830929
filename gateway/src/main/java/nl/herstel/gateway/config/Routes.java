package nl.herstel.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where each public path prefix goes: {@code /api/bia/**} to bia-service and so on. A service
 * serves the same path the gateway receives, so routing changes only the host.
 */
@ApplicationScoped
public class Routes {

  /** Base URL of bia-service. */
  @Inject
  @ConfigProperty(name = "herstel.routes.bia", defaultValue = "http://localhost:9081")
  String bia;

  /** Base URL of plan-service. */
  @Inject
  @ConfigProperty(name = "herstel.routes.plans", defaultValue = "http://localhost:9082")
  String plans;

  /** Base URL of incident-service. */
  @Inject
  @ConfigProperty(name = "herstel.routes.incidents", defaultValue = "http://localhost:9083")
  String incidents;

  /** Base URL of lessons-service. */
  @Inject
  @ConfigProperty(name = "herstel.routes.lessons", defaultValue = "http://localhost:9084")
  String lessons;

  /** How long a routed request may take, in seconds, before the gateway answers 504. */
  @Inject
  @ConfigProperty(name = "herstel.routes.timeout-seconds", defaultValue = "60")
  int timeoutSeconds;

  /** The first path segment after {@code /api/} mapped to the service's base URL. */
  public Map<String, URI> all() {
    Map<String, URI> routes = new LinkedHashMap<>();
    routes.put("bia", URI.create(strip(bia)));
    routes.put("plans", URI.create(strip(plans)));
    routes.put("incidents", URI.create(strip(incidents)));
    routes.put("lessons", URI.create(strip(lessons)));
    return routes;
  }

  public Optional<URI> target(String prefix) {
    return Optional.ofNullable(all().get(prefix));
  }

  public int timeoutSeconds() {
    return timeoutSeconds;
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
