package nl.herstel.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of DESIGN.md and STYLE.md, defined once here for every service over
 * the compiled classes of all modules: no service depends on another service (they meet only
 * through contracts and HTTP), contracts depend on no module of ours, and inside each service the
 * package roles hold (REST touches neither SQL nor the event store; read models and the write side
 * know nothing of REST). Every rule fails when the classes it selects are none, and a test checks
 * that every package a rule names holds classes, so no rule can pass by guarding nothing.
 */
class ArchitectureTest {
  /** Each service's root package and the role packages it has (STYLE.md). */
  private static final Map<String, List<String>> SERVICES =
      Map.of(
          "nl.herstel.bia", List.of("api", "command", "query", "rest", "integration", "config"),
          "nl.herstel.plans",
              List.of("api", "command", "query", "rest", "integration", "config", "bundle"),
          "nl.herstel.incidents",
              List.of("api", "command", "query", "rest", "integration", "config", "intake"),
          "nl.herstel.lessons",
              List.of("api", "command", "query", "rest", "integration", "config", "report"),
          "nl.herstel.gateway", List.of("rest", "config", "openapi", "routing"));

  /** What a REST resource must not reach: SQL and the event store go through command or query. */
  private static final String[] STORAGE = {
    "java.sql..",
    "javax.sql..",
    "nl.herstel.platform.jdbc..",
    "org.axonframework.eventsourcing.eventstore.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.herstel");
  }

  @Test
  void everyNamedModuleHasClasses() {
    for (String module :
        List.of(
            "nl.herstel.contracts",
            "nl.herstel.platform",
            "nl.herstel.bia",
            "nl.herstel.plans",
            "nl.herstel.incidents",
            "nl.herstel.lessons",
            "nl.herstel.gateway")) {
      assertThat(classes.stream().filter(c -> c.getPackageName().startsWith(module)).count())
          .as("classes in " + module)
          .isPositive();
    }
  }

  @Test
  void everyPackageARuleNamesHoldsClasses() {
    assertThat(SERVICES).hasSize(5);
    for (var service : SERVICES.entrySet()) {
      for (String role : service.getValue()) {
        String name = service.getKey() + "." + role;
        assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(name)))
            .as("classes in " + name)
            .isTrue();
      }
    }
  }

  @Test
  void noServiceDependsOnAnotherService() {
    for (String service : SERVICES.keySet()) {
      String[] others =
          SERVICES.keySet().stream()
              .filter(s -> !s.equals(service))
              .map(s -> s + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(service + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .because("services meet only through contracts (Kafka) and HTTP")
          .allowEmptyShould(false)
          .check(classes);
    }
  }

  @Test
  void restTouchesNeitherSqlNorTheEventStore() {
    for (String service : SERVICES.keySet()) {
      noClasses()
          .that()
          .resideInAPackage(service + ".rest..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(STORAGE)
          .because("resources map requests to commands and queries (STYLE.md, REST)")
          .allowEmptyShould(false)
          .check(classes);
    }
  }

  @Test
  void readModelsAndTheWriteSideKnowNothingOfRest() {
    List<ArchRule> rules = new ArrayList<>();
    for (var service : SERVICES.entrySet()) {
      for (String role : List.of("query", "command")) {
        if (service.getValue().contains(role)) {
          rules.add(
              noClasses()
                  .that()
                  .resideInAPackage(service.getKey() + "." + role + "..")
                  .should()
                  .dependOnClassesThat()
                  .resideInAPackage(service.getKey() + ".rest..")
                  .because("REST is one way in; " + role + " must work without it")
                  .allowEmptyShould(false));
        }
      }
    }
    assertThat(rules).hasSize(8);
    rules.forEach(rule -> rule.check(classes));
  }

  @Test
  void theLanguageOfAServiceDependsOnNothingElseOfIt() {
    for (var service : SERVICES.entrySet()) {
      if (service.getValue().contains("api")) {
        noClasses()
            .that()
            .resideInAPackage(service.getKey() + ".api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                service.getValue().stream()
                    .filter(role -> !role.equals("api"))
                    .map(role -> service.getKey() + "." + role + "..")
                    .toArray(String[]::new))
            .because("commands, events and queries are the service's language (STYLE.md)")
            .allowEmptyShould(false)
            .check(classes);
      }
    }
  }

  @Test
  void aggregatesKnowNeitherTransportNorReadModels() {
    for (var service : SERVICES.entrySet()) {
      if (service.getValue().contains("command")) {
        noClasses()
            .that()
            .resideInAPackage(service.getKey() + ".command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                service.getKey() + ".query..",
                service.getKey() + ".integration..",
                "jakarta.ws.rs..",
                "org.apache.kafka..")
            .allowEmptyShould(false)
            .check(classes);
      }
    }
  }

  @Test
  void readModelsSendNoCommands() {
    for (var service : SERVICES.entrySet()) {
      if (service.getValue().contains("query")) {
        noClasses()
            .that()
            .resideInAPackage(service.getKey() + ".query..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(service.getKey() + ".command..")
            .allowEmptyShould(false)
            .check(classes);
      }
    }
  }

  /** incident-service's SOC vendor adapters only translate a vendor's alert into the intake's. */
  @Test
  void vendorAdaptersOnlyTranslate() {
    noClasses()
        .that()
        .resideInAPackage("nl.herstel.incidents.intake..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "nl.herstel.incidents.command..",
            "nl.herstel.incidents.rest..",
            "nl.herstel.incidents.query..",
            "nl.herstel.incidents.integration..",
            "jakarta.ws.rs..",
            "org.axonframework..")
        .allowEmptyShould(false)
        .check(classes);
  }

  @Test
  void contractsDependOnNoModuleOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("nl.herstel.contracts..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "nl.herstel.platform..",
            "nl.herstel.devstack..",
            "nl.herstel.bia..",
            "nl.herstel.plans..",
            "nl.herstel.incidents..",
            "nl.herstel.lessons..",
            "nl.herstel.gateway..")
        .allowEmptyShould(false)
        .check(classes);
  }

  @Test
  void platformDependsOnNoService() {
    noClasses()
        .that()
        .resideInAPackage("nl.herstel.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SERVICES.keySet().stream().map(s -> s + "..").toArray(String[]::new))
        .allowEmptyShould(false)
        .check(classes);
  }

  /**
   * Every stored event names the layout it was stored in (platform {@code EventRevisions}), so that
   * a later change of its class can bring the events stored before to the new layout: the records
   * of each service's {@code *Events} classes carry {@code @Revision}, except the values that are
   * parts of events; and so does every event of a service that a handler takes, wherever it lives.
   */
  @Test
  void everyStoredEventHasARevision() {
    Set<JavaClass> events =
        classes.stream()
            .filter(c -> c.getPackageName().matches("nl\\.herstel\\.\\w+\\.api"))
            .filter(JavaClass::isRecord)
            .filter(
                c ->
                    c.getEnclosingClass()
                        .map(e -> e.getSimpleName().endsWith("Events"))
                        .orElse(false))
            .collect(Collectors.toSet());
    Set<JavaClass> parts =
        events.stream()
            .flatMap(e -> e.getFields().stream())
            .flatMap(f -> f.getType().getAllInvolvedRawTypes().stream())
            .collect(Collectors.toSet());
    Set<JavaClass> handled =
        classes.stream()
            .flatMap(c -> c.getMethods().stream())
            .filter(
                m ->
                    m.isAnnotatedWith(EventSourcingHandler.class)
                        || m.isAnnotatedWith(EventHandler.class))
            .filter(m -> !m.getRawParameterTypes().isEmpty())
            .map(m -> m.getRawParameterTypes().get(0))
            .filter(t -> t.getPackageName().matches("nl\\.herstel\\.\\w+\\.api"))
            .collect(Collectors.toSet());
    List<String> unrevised = new ArrayList<>();
    Set<JavaClass> stored = new java.util.HashSet<>(handled);
    events.stream().filter(e -> !parts.contains(e)).forEach(stored::add);
    for (JavaClass event : stored) {
      if (!event.isAnnotatedWith(Revision.class)) {
        unrevised.add(event.getName());
      }
    }
    assertThat(stored).hasSizeGreaterThan(80);
    assertThat(unrevised).isEmpty();
  }
}
