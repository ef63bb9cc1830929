package nl.herstel.bia.command;

import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.herstel.bia.api.BiaCommands.AddAssetDependency;
import nl.herstel.bia.api.BiaCommands.AddAssetIdentifier;
import nl.herstel.bia.api.BiaCommands.ChangeAssetDetails;
import nl.herstel.bia.api.BiaCommands.IdentifierOutcome;
import nl.herstel.bia.api.BiaCommands.NewIdentifier;
import nl.herstel.bia.api.BiaCommands.RegisterAsset;
import nl.herstel.bia.api.BiaCommands.RemoveAssetIdentifier;
import nl.herstel.bia.api.BiaCommands.RetireAsset;
import nl.herstel.bia.api.BiaEvents.AssetDependencyAdded;
import nl.herstel.bia.api.BiaEvents.AssetDetailsChanged;
import nl.herstel.bia.api.BiaEvents.AssetIdentifierAdded;
import nl.herstel.bia.api.BiaEvents.AssetIdentifierRemoved;
import nl.herstel.bia.api.BiaEvents.AssetRegistered;
import nl.herstel.bia.api.BiaEvents.AssetRetired;
import nl.herstel.contracts.bia.AssetKind;
import nl.herstel.contracts.bia.IdentifierKind;
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
    claims = new InMemoryClaims();
    fixture.registerInjectableResource(claims);
  }

  /** The claims as a map: which asset holds which key. */
  static final class InMemoryClaims implements AssetIdentityClaims {
    final Map<String, String> held = new HashMap<>();

    @Override
    public Optional<String> claim(String assetId, String key) {
      String holder = held.putIfAbsent(key, assetId);
      return holder == null || holder.equals(assetId) ? Optional.empty() : Optional.of(holder);
    }

    @Override
    public void release(String assetId, String key) {
      held.remove(key, assetId);
    }
  }

  private InMemoryClaims claims;

  @Test
  void aNameAnotherAssetHoldsIsAConflictNamingNameWhateverItsCase() {
    claims.held.put("hosting", "a0");
    fixture
        .givenNoPriorActivity()
        .when(new RegisterAsset("a1", "HOSTING", AssetKind.SUPPLIER, null, "it-manager", GOLD))
        .expectException(Conflict.class)
        .expectExceptionMessage(
            "The name 'HOSTING' is already used by asset a0 (as its name or an identifier; case is"
                + " ignored)")
        .expectNoEvents();
  }

  @Test
  void registersWithItsIdentifiersInNormalFormAndClaimsThem() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterAsset(
                "a1",
                "ERP",
                AssetKind.SOFTWARE,
                null,
                null,
                null,
                List.of(
                    new NewIdentifier("i1", IdentifierKind.FQDN, "ERP01.Corp.Example.NL"),
                    new NewIdentifier("i2", null, "2001:DB8:0:0::10"))))
        .expectEvents(
            new AssetRegistered("a1", "ERP", AssetKind.SOFTWARE, null, null, null),
            new AssetIdentifierAdded("a1", "i1", IdentifierKind.FQDN, "erp01.corp.example.nl"),
            new AssetIdentifierAdded("a1", "i2", IdentifierKind.IP_ADDRESS, "2001:db8::10"));
    assertThat(claims.held)
        .containsOnlyKeys("erp", "erp01.corp.example.nl", "2001:db8::10")
        .containsValue("a1");
  }

  @Test
  void anIdentifierNotOfItsKindIsARuleViolationNamingIt() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterAsset(
                "a1",
                "ERP",
                AssetKind.SOFTWARE,
                null,
                null,
                null,
                List.of(new NewIdentifier("i1", IdentifierKind.CIDR, "10.1.2.0/16"))))
        .expectException(RuleViolation.class)
        .expectNoEvents();
    assertThat(claims.held).isEmpty();
  }

  @Test
  void anIdentifierAnotherAssetHoldsIsRefusedWithThatAsset() {
    claims.held.put("10.0.0.5", "a0");
    fixture
        .given(new AssetRegistered("a1", "ERP", AssetKind.SOFTWARE, null, null, null))
        .when(new AddAssetIdentifier("a1", new NewIdentifier("i1", null, "10.0.0.5")))
        .expectResultMessagePayload(
            new IdentifierOutcome("i1", IdentifierKind.IP_ADDRESS, "10.0.0.5", false, "a0", null))
        .expectNoEvents();
  }

  @Test
  void theSameValueAgainAnswersTheIdentifierTheAssetHas() {
    fixture
        .given(
            new AssetRegistered("a1", "ERP", AssetKind.SOFTWARE, null, null, null),
            new AssetIdentifierAdded("a1", "i1", IdentifierKind.HOSTNAME, "erp01"))
        .when(new AddAssetIdentifier("a1", new NewIdentifier("i2", null, "ERP01")))
        .expectResultMessagePayload(
            new IdentifierOutcome("i1", IdentifierKind.HOSTNAME, "erp01", false, null, null))
        .expectNoEvents();
  }

  @Test
  void removingAnIdentifierByValueFreesIt() {
    claims.held.put("erp01", "a1");
    fixture
        .given(
            new AssetRegistered("a1", "ERP", AssetKind.SOFTWARE, null, null, null),
            new AssetIdentifierAdded("a1", "i1", IdentifierKind.HOSTNAME, "erp01"))
        .when(new RemoveAssetIdentifier("a1", null, "ERP01"))
        .expectEvents(new AssetIdentifierRemoved("a1", "i1", IdentifierKind.HOSTNAME, "erp01"));
    assertThat(claims.held).doesNotContainKey("erp01");
  }

  @Test
  void renamingClaimsTheNewNameAndFreesTheOld() {
    claims.held.put("erp", "a1");
    fixture
        .given(new AssetRegistered("a1", "ERP", AssetKind.SOFTWARE, null, null, null))
        .when(new ChangeAssetDetails("a1", "ERP 2", AssetKind.SOFTWARE, null, null, null, null))
        .expectSuccessfulHandlerExecution();
    assertThat(claims.held).containsOnlyKeys("erp 2");
  }

  @Test
  void retiringFreesTheNameAndIdentifiers() {
    claims.held.put("erp", "a1");
    claims.held.put("erp01", "a1");
    fixture
        .given(
            new AssetRegistered("a1", "ERP", AssetKind.SOFTWARE, null, null, null),
            new AssetIdentifierAdded("a1", "i1", IdentifierKind.HOSTNAME, "erp01"))
        .when(new RetireAsset("a1", "replaced"))
        .expectEvents(new AssetRetired("a1", "replaced"));
    assertThat(claims.held).isEmpty();
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
