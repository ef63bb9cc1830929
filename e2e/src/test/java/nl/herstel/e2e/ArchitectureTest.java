package nl.herstel.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md, over the compiled classes of every module: no service depends on
 * another service (they meet only through contracts and HTTP), and contracts depends on no module
 * of ours. Each rule first checks that the packages it names hold classes, so it cannot pass by
 * guarding nothing.
 */
class ArchitectureTest {
  private static final List<String> SERVICES =
      List.of(
          "nl.herstel.bia",
          "nl.herstel.plans",
          "nl.herstel.incidents",
          "nl.herstel.lessons",
          "nl.herstel.gateway");
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
  void noServiceDependsOnAnotherService() {
    assertThat(SERVICES).hasSize(5);
    for (String service : SERVICES) {
      String[] others =
          SERVICES.stream()
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
          .check(classes);
    }
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
        .check(classes);
  }

  @Test
  void platformDependsOnNoService() {
    noClasses()
        .that()
        .resideInAPackage("nl.herstel.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SERVICES.stream().map(s -> s + "..").toArray(String[]::new))
        .check(classes);
  }
}
