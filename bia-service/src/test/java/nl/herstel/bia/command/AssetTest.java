package nl.herstel.bia.command;

import static java.time.Duration.ofHours;

import java.time.Duration;
import nl.herstel.bia.api.BiaCommands.AddAssetDependency;
import nl.herstel.bia.api.BiaCommands.ChangeAssetDetails;
import nl.herstel.bia.api.BiaCommands.RegisterAsset;
import nl.herstel.bia.api.BiaEvents.AssetDependencyAdded;
import nl.herstel.bia.api.BiaEvents.AssetDetailsChanged;
import nl.herstel.bia.api.BiaEvents.AssetRegistered;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.NodeKind;
import nl.herstel.contracts.bia.SupplierTerms;
import nl.herstel.platform.domain.Conflict;
import nl.herstel.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssetTest {
  private static final SupplierTerms GOLD = new SupplierTerms("C-1", "SLA-GOLD", ofHours(4));
  private AggregateTestFixture<Asset> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Asset.class);
  }

  private static AssetRegistered hosting() {
    return new AssetRegistered("a1", "Hosting", AssetKind.SUPPLIER, null, "it-manager", GOLD);
  }

  @Test
  void registersASupplierWithItsTerms() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterAsset("a1", "Hosting", AssetKind.SUPPLIER, null, "it-manager", GOLD))
        .expectEvents(hosting());
  }

  @Test
  void onlyASupplierHasSupplierTerms() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterAsset("a1", "ERP", AssetKind.SOFTWARE, null, null, GOLD))
        .expectException(RuleViolation.class)
        .expectExceptionMessage(
            "Only an asset of kind SUPPLIER has supplier terms, not a SOFTWARE");
  }

  @Test
  void aGuaranteedRecoveryTimeIsPositive() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterAsset(
                "a1",
                "Hosting",
                AssetKind.SUPPLIER,
                null,
                null,
                new SupplierTerms(null, null, Duration.ZERO)))
        .expectException(RuleViolation.class);
  }

  @Test
  void changesDetailsOnlyWhenTheyDifferAndAtTheExpectedVersion() {
    fixture
        .given(hosting())
        .when(
            new ChangeAssetDetails(
                "a1", "Hosting", AssetKind.SUPPLIER, null, "it-manager", GOLD, null))
        .expectNoEvents();
    SupplierTerms silver = new SupplierTerms("C-2", "SLA-SILVER", ofHours(8));
    fixture
        .given(hosting())
        .when(
            new ChangeAssetDetails("a1", "Hosting BV", AssetKind.SUPPLIER, "x", "cio", silver, 0L))
        .expectEvents(
            new AssetDetailsChanged("a1", "Hosting BV", AssetKind.SUPPLIER, "x", "cio", silver));
    fixture
        .given(hosting())
        .when(new ChangeAssetDetails("a1", "Hosting", AssetKind.SUPPLIER, null, null, GOLD, 3L))
        .expectException(Conflict.class);
  }

  @Test
  void keepsTheAlternativeGroupOfADependency() {
    fixture
        .given(hosting())
        .when(new AddAssetDependency("a1", "d1", "a2", "power"))
        .expectEvents(new AssetDependencyAdded("a1", "d1", "a2", NodeKind.ASSET, "power"));
  }
}
