package nl.herstel.platform.axon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import nl.herstel.contracts.IntegrationEvent;
import nl.herstel.platform.kafka.ContractMapper;
import nl.herstel.platform.kafka.IntegrationEventHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/** Collects what a {@link ServiceModule} registers; read by {@link AxonRuntime}. */
public final class ModuleDefinition {
  final List<Class<?>> aggregates = new ArrayList<>();
  final List<Object> projections = new ArrayList<>();
  final List<Object> queryHandlers = new ArrayList<>();
  final List<ContractMapper> publications = new ArrayList<>();
  final List<Subscription<?>> subscriptions = new ArrayList<>();
  final Map<Class<?>, Object> resources = new LinkedHashMap<>();
  final List<EventUpcaster> upcasters = new ArrayList<>();
  private final Supplier<CommandGateway> commands;
  private final Supplier<QueryGateway> queries;
  private final Supplier<EventStore> events;

  ModuleDefinition(
      Supplier<CommandGateway> commands,
      Supplier<QueryGateway> queries,
      Supplier<EventStore> events) {
    this.commands = commands;
    this.queries = queries;
    this.events = events;
  }

  /**
   * The command gateway, for Kafka handlers that turn another service's event into a command. It is
   * available once Axon has started, which is before any record is consumed.
   */
  public Supplier<CommandGateway> commands() {
    return commands;
  }

  /**
   * The query gateway, for Kafka handlers that must read a read model first; as {@link #commands}.
   */
  public Supplier<QueryGateway> queries() {
    return queries;
  }

  /**
   * The event store, for read models that answer from the stored events themselves (history, time
   * travel): reading through it applies the configured serializer and upcasters, which raw SQL on
   * {@code domainevententry} would bypass. Available once Axon has started.
   */
  public Supplier<EventStore> eventStore() {
    return events;
  }

  /** An event-sourced aggregate type. */
  public ModuleDefinition aggregate(Class<?> type) {
    aggregates.add(type);
    return this;
  }

  /**
   * An event handler that maintains a read model. It must name its tracking processor with {@link
   * ProcessingGroup}; its rows commit with the processor's token.
   */
  public ModuleDefinition projection(Object handler) {
    if (!handler.getClass().isAnnotationPresent(ProcessingGroup.class)) {
      throw new IllegalArgumentException(
          handler.getClass().getName() + " needs @ProcessingGroup to name its processor");
    }
    projections.add(handler);
    return this;
  }

  /**
   * A resource that command handlers take as a parameter (Axon resolves handler parameters from the
   * configuration's components), e.g. a guard that must write in the command's transaction.
   */
  public <T> ModuleDefinition resource(Class<T> type, T instance) {
    resources.put(type, Objects.requireNonNull(instance));
    return this;
  }

  /**
   * Brings events stored in an earlier layout to the current one (see {@link EventLayout});
   * applied, in the order registered, wherever the event store is read.
   */
  public ModuleDefinition upcaster(EventUpcaster upcaster) {
    upcasters.add(Objects.requireNonNull(upcaster));
    return this;
  }

  /** An object with {@code @QueryHandler} methods. */
  public ModuleDefinition queryHandler(Object handler) {
    queryHandlers.add(handler);
    return this;
  }

  /** Maps internal events to the contract events this service publishes to Kafka. */
  public ModuleDefinition publish(ContractMapper mapper) {
    publications.add(Objects.requireNonNull(mapper));
    return this;
  }

  /** Applies every contract event of {@code type} from Kafka, once, in a transaction. */
  public <E extends IntegrationEvent> ModuleDefinition subscribe(
      Class<E> type, IntegrationEventHandler<E> handler) {
    subscriptions.add(new Subscription<>(type, handler));
    return this;
  }

  final List<Object> commandHandlers = new ArrayList<>();

  /**
   * An object with {@code @CommandHandler} methods that is not an aggregate: a small process
   * manager whose work spans aggregates (it sends their commands within its own command's
   * transaction).
   */
  public ModuleDefinition commandHandler(Object handler) {
    commandHandlers.add(Objects.requireNonNull(handler));
    return this;
  }

  /** A consumed contract event type and what applies it. */
  public record Subscription<E extends IntegrationEvent>(
      Class<E> type, IntegrationEventHandler<E> handler) {}

  public List<Subscription<?>> subscriptions() {
    return List.copyOf(subscriptions);
  }
}
