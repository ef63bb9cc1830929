package nl.herstel.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.herstel.devstack.testing.TestInfrastructure;
import nl.herstel.platform.jdbc.JdbcTransactions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Commands on one aggregate from two threads, on the real event store: a command sent inside a
 * longer transaction (as the deadline clock and the Kafka inbox send theirs) keeps its aggregate
 * until that transaction commits, and an append at a taken sequence number is a concurrency
 * conflict, not a storage error.
 */
class CommandsInTransactionIT {
  private static HikariDataSource dataSource;
  private static JdbcTransactions transactions;
  private static JdbcEventStorageEngine engine;
  private static Configuration axon;

  @BeforeAll
  static void start() {
    TestInfrastructure infra = TestInfrastructure.get();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(infra.jdbcUrl("herstel_platform_it"));
    dataSource.setUsername(infra.dbUser());
    dataSource.setPassword(infra.dbPassword());
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/herstel-platform")
        .table("herstel_platform_history")
        .load()
        .migrate();
    transactions = new JdbcTransactions(dataSource);
    Serializer serializer =
        JacksonSerializer.builder().objectMapper(AxonRuntime.objectMapper()).build();
    engine =
        AxonRuntime.eventStorageEngine(
            transactions, serializer, SnapshotFilter.allowAll(), new EventUpcasterChain());
    axon =
        DefaultConfigurer.defaultConfiguration()
            .configureSerializer(c -> serializer)
            .configureTransactionManager(c -> transactions)
            .configureEmbeddedEventStore(c -> engine)
            .configureAggregate(Tally.class)
            .buildConfiguration();
    axon.start();
  }

  @AfterAll
  static void stop() {
    axon.shutdown();
    dataSource.close();
  }

  @Test
  void aCommandInsideATransactionHoldsItsAggregateUntilTheCommit() throws Exception {
    CommandGateway commands = axon.commandGateway();
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(new Open(id));
    CountDownLatch counted = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> inside =
          other.submit(
              () ->
                  transactions.inTransaction(
                      () -> {
                        Integer count = commands.sendAndWait(new Count(id));
                        counted.countDown();
                        // the rest of the transaction's work, e.g. settling a deadline row
                        sleep(Duration.ofMillis(700));
                        return count;
                      }));
      assertThat(counted.await(30, TimeUnit.SECONDS)).isTrue();

      Integer second = commands.sendAndWait(new Count(id));

      assertThat(inside.get(30, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(second).isEqualTo(2);
    } finally {
      other.shutdownNow();
    }
    assertThat(sequenceNumbers(id)).containsExactly(0L, 1L, 2L);
  }

  @Test
  void aCommandInsideARolledBackTransactionStoresNothing() {
    CommandGateway commands = axon.commandGateway();
    String id = UUID.randomUUID().toString();
    commands.sendAndWait(new Open(id));

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      commands.sendAndWait(new Count(id));
                      throw new IllegalStateException("the rest of the work failed");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the rest of the work failed");

    assertThat(sequenceNumbers(id)).containsExactly(0L);
    assertThat((Integer) commands.sendAndWait(new Count(id))).isEqualTo(1);
  }

  @Test
  void anAppendAtATakenSequenceNumberIsAConcurrencyConflict() {
    String id = UUID.randomUUID().toString();
    append(id, 0, new Opened(id));
    append(id, 1, new Counted(id, 1));

    // what a second replica does that loaded the aggregate before the first one appended
    assertThatThrownBy(() -> append(id, 1, new Counted(id, 1)))
        .isInstanceOf(ConcurrencyException.class);
    assertThat(sequenceNumbers(id)).containsExactly(0L, 1L);
  }

  private static void append(String id, long sequence, Object payload) {
    transactions.inTransaction(
        () -> {
          engine.appendEvents(
              List.of(new GenericDomainEventMessage<>("Tally", id, sequence, payload)));
          return null;
        });
  }

  private static List<Long> sequenceNumbers(String id) {
    List<Long> sequences = new ArrayList<>();
    DomainEventStream stream = axon.eventStore().readEvents(id);
    stream.forEachRemaining(e -> sequences.add(e.getSequenceNumber()));
    return sequences;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Open(@TargetAggregateIdentifier String id) {}

  record Count(@TargetAggregateIdentifier String id) {}

  @Revision("1")
  record Opened(String id) {}

  @Revision("1")
  record Counted(String id, int count) {}

  /** A counter: each count is one event, numbered. */
  static class Tally {
    @AggregateIdentifier private String id;
    private int count;

    Tally() {}

    @CommandHandler
    Tally(Open command) {
      apply(new Opened(command.id()));
    }

    @CommandHandler
    int handle(Count command) {
      apply(new Counted(id, count + 1));
      return count;
    }

    @EventSourcingHandler
    void on(Opened event) {
      id = event.id();
    }

    @EventSourcingHandler
    void on(Counted event) {
      count = event.count();
    }
  }
}
