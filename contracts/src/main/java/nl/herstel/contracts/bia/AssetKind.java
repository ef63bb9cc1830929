package nl.herstel.contracts.bia;

/**
 * What kind of asset keeps a business process running: software, hardware, people, suppliers and
 * data (BIA step 1, "map your interests"), plus facilities; see DOMAIN.md.
 */
public enum AssetKind {
  SOFTWARE,
  HARDWARE,
  PEOPLE,
  SUPPLIER,
  DATA,
  FACILITY
}
