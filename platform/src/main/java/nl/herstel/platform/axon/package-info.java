/** Axon Framework on CDI: event store, processors and gateways, configured from a ServiceModule. */
package nl.herstel.platform.axon;
