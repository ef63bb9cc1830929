package nl.herstel.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreatCategoriesTest {

  @Test
  void aThreatMatchesTheCategoryItsNameSpellsWhateverTheCase() {
    assertThat(ThreatCategories.exact().matches("Ransomware", "RANSOMWARE")).isTrue();
    assertThat(ThreatCategories.exact().matches("ransomware", "Ransomware")).isTrue();
  }

  @Test
  void spacesAndPunctuationReadAsOneUnderscore() {
    assertThat(ThreatCategories.exact().matches("Supplier  failure", "SUPPLIER_FAILURE")).isTrue();
    assertThat(ThreatCategories.exact().matches("Supplier-failure!", "supplier failure")).isTrue();
  }

  @Test
  void aNameThatOnlyContainsTheCategoryDoesNotMatch() {
    assertThat(ThreatCategories.exact().matches("Ransomware via e-mail", "RANSOMWARE")).isFalse();
  }

  @Test
  void anAliasListedForTheCategoryMatches() {
    ThreatCategories rule = ThreatCategories.of(Map.of("RANSOMWARE", List.of("Cryptolocker")));

    assertThat(rule.matches("cryptolocker", "ransomware")).isTrue();
    assertThat(rule.matches("Cryptolocker", "FLOODING")).isFalse();
  }

  @Test
  void aliasesAreParsedFromTheirConfiguredForm() {
    ThreatCategories rule =
        ThreatCategories.parse(
            "RANSOMWARE=Cryptolocker|Ransomware attack;SUPPLIER_FAILURE=Cloud outage;broken;X=");

    assertThat(rule.matches("Ransomware attack", "RANSOMWARE")).isTrue();
    assertThat(rule.matches("Cryptolocker", "RANSOMWARE")).isTrue();
    assertThat(rule.matches("Cloud outage", "supplier_failure")).isTrue();
    assertThat(rule.matches("Cloud outage", "RANSOMWARE")).isFalse();
  }

  @Test
  void blankNamesAndCategoriesMatchNothing() {
    assertThat(ThreatCategories.parse(null).matches("", "")).isFalse();
    assertThat(ThreatCategories.exact().matches(null, "RANSOMWARE")).isFalse();
    assertThat(ThreatCategories.exact().matches("Ransomware", " ")).isFalse();
  }
}
