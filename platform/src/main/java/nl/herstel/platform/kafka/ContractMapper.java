package nl.herstel.platform.kafka;

import java.util.Optional;
import nl.herstel.contracts.IntegrationEvent;
import org.axonframework.eventhandling.EventMessage;

/**
 * Translates an internal event into the contract event that leaves the service, or nothing when the
 * event is internal only. Internal events are not the integration contract (STYLE.md).
 */
@FunctionalInterface
public interface ContractMapper {
  Optional<IntegrationEvent> toContract(Object payload, EventMessage<?> message);
}
