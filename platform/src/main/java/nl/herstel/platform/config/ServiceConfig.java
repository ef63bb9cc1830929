package nl.herstel.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Who this service is, for event metadata, Kafka consumer groups and CloudEvents sources. */
@ApplicationScoped
public class ServiceConfig {

  /** The service's name, e.g. {@code bia-service}; each service sets it in its own config. */
  @Inject
  @ConfigProperty(name = "herstel.service.name", defaultValue = "herstel")
  String name;

  public String name() {
    return name;
  }

  /** The CloudEvents {@code source} of everything this service publishes. */
  public String eventSource() {
    return "urn:herstel:" + name;
  }
}
