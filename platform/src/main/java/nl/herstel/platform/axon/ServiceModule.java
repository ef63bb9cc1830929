package nl.herstel.platform.axon;

/**
 * What a service plugs into the platform: its aggregates, projections, query handlers, the contract
 * events it publishes and the ones it consumes. Each service has exactly one CDI bean implementing
 * it; registration is explicit, nothing is scanned.
 */
public interface ServiceModule {
  void configure(ModuleDefinition module);
}
