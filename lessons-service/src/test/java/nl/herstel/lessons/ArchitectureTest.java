package nl.herstel.lessons;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The package roles of STYLE.md, and services meeting only through the contracts. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("nl.herstel.lessons");

  @Test
  void everyPackageARuleNamesExists() {
    for (String role : new String[] {"api", "command", "query", "rest", "integration", "config"}) {
      Assertions.assertThat(CLASSES.containPackage("nl.herstel.lessons." + role)).as(role).isTrue();
    }
  }

  @Test
  void dependsOnNoOtherService() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "nl.herstel.bia..",
            "nl.herstel.plans..",
            "nl.herstel.incidents..",
            "nl.herstel.gateway..")
        .check(CLASSES);
  }

  @Test
  void aggregatesKnowNeitherRestNorReadModelsNorKafka() {
    noClasses()
        .that()
        .resideInAPackage("..lessons.command..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..lessons.rest..",
            "..lessons.query..",
            "..lessons.integration..",
            "org.apache.kafka..")
        .check(CLASSES);
  }

  @Test
  void restResourcesOnlyQueryTheReadModel() {
    noClasses()
        .that()
        .resideInAPackage("..lessons.rest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..lessons.command..", "..lessons.integration..", "java.sql..")
        .check(CLASSES);
  }
}
