package nl.herstel.contracts.bia;

/** Which kind of node in the BIA dependency graph an id names: a business process or an asset. */
public enum NodeKind {
  PROCESS,
  ASSET
}
