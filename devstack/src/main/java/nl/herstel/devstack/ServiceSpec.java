package nl.herstel.devstack;

import java.util.List;
import java.util.Optional;

/**
 * One of the five services: its name (= Liberty server name = Maven module), its database (none for
 * the gateway) and its HTTP port.
 */
public record ServiceSpec(String name, String database, int port) {
  public static final String GATEWAY = "gateway";
  public static final String BIA = "bia-service";
  public static final String PLANS = "plan-service";
  public static final String INCIDENTS = "incident-service";
  public static final String LESSONS = "lessons-service";

  /** All service names, in start-up listing order. */
  public static final List<String> NAMES = List.of(BIA, PLANS, INCIDENTS, LESSONS, GATEWAY);

  /** The database of the service, empty for the gateway. */
  public Optional<String> databaseName() {
    return Optional.ofNullable(database);
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** The five services on the given ports. */
  public static List<ServiceSpec> all(Ports ports) {
    return List.of(
        new ServiceSpec(BIA, "herstel_bia", ports.bia()),
        new ServiceSpec(PLANS, "herstel_plans", ports.plans()),
        new ServiceSpec(INCIDENTS, "herstel_incidents", ports.incidents()),
        new ServiceSpec(LESSONS, "herstel_lessons", ports.lessons()),
        new ServiceSpec(GATEWAY, null, ports.gateway()));
  }

  public static ServiceSpec byName(Ports ports, String name) {
    return all(ports).stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no such service: " + name + " (known: " + NAMES + ")"));
  }
}
