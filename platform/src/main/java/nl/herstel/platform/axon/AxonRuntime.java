package nl.herstel.platform.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import nl.herstel.platform.config.KafkaConfig;
import nl.herstel.platform.config.ServiceConfig;
import nl.herstel.platform.jdbc.Database;
import nl.herstel.platform.jdbc.JdbcTransactions;
import nl.herstel.platform.kafka.ConsumerMetrics;
import nl.herstel.platform.kafka.KafkaPublisher;
import nl.herstel.platform.kafka.KafkaSubscriber;
import nl.herstel.platform.messaging.EventMetadata;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Axon Framework, configured from CDI when the application starts (no Spring, no Axon Server): the
 * JDBC event store and token store on the service's PostgreSQL database, one transaction per
 * command and per processor batch, caller metadata on every event, one tracking processor per
 * projection group, and the Kafka bridge. What is registered comes from the service's {@link
 * ServiceModule}.
 */
@ApplicationScoped
public class AxonRuntime {
  private static final Logger LOG = Logger.getLogger(AxonRuntime.class.getName());
  private static final int SNAPSHOT_THRESHOLD = 250;
  private static final int BATCH_SIZE = 100;
  private static final String UNIQUE_VIOLATION = "23505";

  @Inject Database database;
  @Inject ServiceConfig service;
  @Inject KafkaConfig kafka;
  @Inject Instance<ServiceModule> serviceModule;
  @Inject Instance<ConsumerMetrics> consumerMetrics;

  private Configuration configuration;
  private KafkaPublisher publisher;
  private KafkaSubscriber subscriber;
  private ReadModels readModels;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    start();
  }

  /**
   * Whether this deployment is an event-sourced service (it has a {@link ServiceModule}); the
   * gateway uses the platform's REST plumbing without Axon.
   */
  public boolean isServiceRuntime() {
    return serviceModule.isResolvable();
  }

  /** Builds and starts Axon; idempotent, and a no-op without a {@link ServiceModule}. */
  public synchronized void start() {
    if (configuration != null || !isServiceRuntime()) {
      return;
    }
    JdbcTransactions transactions = database.transactions();
    ModuleDefinition module =
        new ModuleDefinition(
            () -> configuration.commandGateway(),
            () -> configuration.queryGateway(),
            () -> configuration.eventStore());
    serviceModule.get().configure(module);

    Serializer serializer = JacksonSerializer.builder().objectMapper(objectMapper()).build();
    Configurer configurer =
        DefaultConfigurer.defaultConfiguration()
            .configureSerializer(c -> serializer)
            .configureEventSerializer(c -> serializer)
            .configureMessageSerializer(c -> serializer)
            .configureTransactionManager(c -> transactions)
            .configureCorrelationDataProviders(c -> EventMetadata.correlationProviders())
            .configureEmbeddedEventStore(
                c ->
                    eventStorageEngine(
                        transactions,
                        serializer,
                        c.snapshotFilter(),
                        new EventUpcasterChain(module.upcasters)))
            .registerComponent(
                TokenStore.class,
                c ->
                    JdbcTokenStore.builder()
                        .connectionProvider(transactions)
                        .serializer(serializer)
                        .build());

    for (Class<?> aggregate : module.aggregates) {
      configurer.configureAggregate(withSnapshots(aggregate));
    }
    module.queryHandlers.forEach(handler -> configurer.registerQueryHandler(c -> handler));
    module.commandHandlers.forEach(handler -> configurer.registerCommandHandler(c -> handler));
    module.resources.forEach((type, instance) -> register(configurer, type, instance));

    List<String> processors = new ArrayList<>();
    Map<String, List<Object>> handlers = new LinkedHashMap<>();
    configurer.eventProcessing(
        processing -> {
          processing.usingTrackingEventProcessors();
          processing.registerDefaultListenerInvocationErrorHandler(
              c -> PropagatingErrorHandler.instance());
          processing.registerTrackingEventProcessorConfiguration(
              c ->
                  TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                      .andBatchSize(BATCH_SIZE));
          for (Object projection : module.projections) {
            String processor = projection.getClass().getAnnotation(ProcessingGroup.class).value();
            if (!processors.contains(processor)) {
              processors.add(processor);
            }
            handlers.computeIfAbsent(processor, p -> new ArrayList<>()).add(projection);
            processing.registerEventHandler(c -> projection);
          }
          if (!module.publications.isEmpty()) {
            publisher = new KafkaPublisher(module.publications, kafka, service.eventSource());
            processors.add(KafkaPublisher.PROCESSOR);
            processing.registerEventHandler(c -> publisher);
          }
        });

    configuration = configurer.buildConfiguration();
    configuration.commandBus().registerDispatchInterceptor(EventMetadata.callerInterceptor());
    configuration.eventBus().registerDispatchInterceptor(EventRevisions.required());
    configuration.start();
    readModels = new ReadModels(configuration, transactions, handlers);

    subscriber =
        new KafkaSubscriber(
            module.subscriptions(),
            kafka,
            transactions,
            service.name(),
            consumerMetrics.isResolvable() ? consumerMetrics.get() : ConsumerMetrics.NONE);
    subscriber.start();
    LOG.info(() -> service.name() + ": Axon started with processors " + processors);
  }

  /**
   * The event store on the service's database. An event appended at a sequence number the aggregate
   * already has (another thread or replica got there first) fails with Axon's {@link
   * org.axonframework.modelling.command.ConcurrencyException}, which the API answers with 409,
   * instead of a storage error.
   */
  public static JdbcEventStorageEngine eventStorageEngine(
      JdbcTransactions transactions,
      Serializer serializer,
      SnapshotFilter snapshotFilter,
      EventUpcasterChain upcasters) {
    return JdbcEventStorageEngine.builder()
        .connectionProvider(transactions)
        .transactionManager(transactions)
        .eventSerializer(serializer)
        .snapshotSerializer(serializer)
        // an aggregate with @Revision ignores snapshots of its earlier layouts
        .snapshotFilter(snapshotFilter)
        .upcasterChain(upcasters)
        .persistenceExceptionResolver(AxonRuntime::duplicateKey)
        .build();
  }

  /** Whether {@code failure} is PostgreSQL's unique violation (SQLSTATE 23505). */
  static boolean duplicateKey(Exception failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static <T> void register(Configurer configurer, Class<T> type, Object instance) {
    configurer.registerComponent(type, c -> (T) instance);
  }

  private static <A> AggregateConfigurer<A> withSnapshots(Class<A> type) {
    return AggregateConfigurer.defaultConfiguration(type)
        .configureSnapshotTrigger(
            c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), SNAPSHOT_THRESHOLD));
  }

  /**
   * The mapper for stored events and snapshots: ISO-8601 times, field visibility ANY (snapshots
   * fail silently otherwise, STACK.md), no default typing (a deserialisation hole).
   */
  public static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
        .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
  }

  /** The names of the tracking processors (processing groups), once Axon has started. */
  public List<String> processorNames() {
    return configuration == null
        ? List.of()
        : List.copyOf(configuration.eventProcessingConfiguration().eventProcessors().keySet());
  }

  /** Whether every tracking processor is running (not stopped or in error back-off). */
  public boolean processorsHealthy() {
    if (configuration == null) {
      return false;
    }
    for (EventProcessor processor :
        configuration.eventProcessingConfiguration().eventProcessors().values()) {
      if (processor instanceof TrackingEventProcessor tracking
          && (!tracking.isRunning() || tracking.isError())) {
        return false;
      }
    }
    return subscriber == null || subscriber.isHealthy();
  }

  /** The consumer of other services' events, once Axon has started. */
  public Optional<KafkaSubscriber> subscriber() {
    start();
    return Optional.ofNullable(subscriber);
  }

  /** The service's read models and their rebuilds, once Axon has started. */
  public Optional<ReadModels> readModels() {
    start();
    return Optional.ofNullable(readModels);
  }

  public boolean isStarted() {
    return configuration != null;
  }

  public Configuration configuration() {
    start();
    if (configuration == null) {
      throw new IllegalStateException("No ServiceModule: this deployment runs no Axon");
    }
    return configuration;
  }

  @Produces
  CommandGateway commandGateway() {
    return configuration().commandGateway();
  }

  @Produces
  QueryGateway queryGateway() {
    return configuration().queryGateway();
  }

  @PreDestroy
  synchronized void stop() {
    if (subscriber != null) {
      subscriber.close();
    }
    if (configuration != null) {
      configuration.shutdown();
    }
    if (publisher != null) {
      publisher.close();
    }
    database.close();
  }
}
