package nl.herstel.incidents;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout STYLE.md asks for, enforced: no other service's code, and the write side and the
 * language of the service independent of transport and read models. Each rule names packages that
 * exist (an empty selection fails), so none guards nothing.
 */
@AnalyzeClasses(
    packages = "nl.herstel.incidents",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule meetsOtherServicesOnlyThroughContracts =
      noClasses()
          .that()
          .resideInAPackage("nl.herstel.incidents..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "nl.herstel.bia..",
              "nl.herstel.plans..",
              "nl.herstel.lessons..",
              "nl.herstel.gateway..");

  @ArchTest
  static final ArchRule aggregatesKnowNoTransportNorReadModel =
      noClasses()
          .that()
          .resideInAPackage("nl.herstel.incidents.command..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "nl.herstel.incidents.rest..",
              "nl.herstel.incidents.query..",
              "nl.herstel.incidents.integration..",
              "jakarta.ws.rs..");

  @ArchTest
  static final ArchRule theLanguageDependsOnNothingOfTheService =
      noClasses()
          .that()
          .resideInAPackage("nl.herstel.incidents.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "nl.herstel.incidents.command..",
              "nl.herstel.incidents.rest..",
              "nl.herstel.incidents.query..",
              "nl.herstel.incidents.integration..",
              "nl.herstel.incidents.config..");

  @ArchTest
  static final ArchRule vendorAdaptersOnlyTranslate =
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
              "org.axonframework..");

  @ArchTest
  static final ArchRule readModelsSendNoCommands =
      noClasses()
          .that()
          .resideInAPackage("nl.herstel.incidents.query..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("nl.herstel.incidents.command..", "nl.herstel.incidents.rest..");
}
