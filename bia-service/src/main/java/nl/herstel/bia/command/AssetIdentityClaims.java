package nl.herstel.bia.command;

import java.util.Optional;

/**
 * Who holds each asset name and identifier, so that one name or identifier belongs to at most one
 * asset. Event-sourced aggregates cannot see each other; these claims are the one place that sees
 * them all. Claims are written in the transaction of the command that appends the asset's events,
 * so a claim stands exactly when the events that need it were stored, and two concurrent commands
 * cannot both take one key. Keys are lower case: names and identifiers clash regardless of case,
 * and a name clashes with another asset's identifier of the same text.
 */
public interface AssetIdentityClaims {

  /**
   * Claims {@code key} for the asset; empty when it now holds it (or held it already), else the id
   * of the asset that holds it.
   */
  Optional<String> claim(String assetId, String key);

  /** Gives up the asset's claim on {@code key}; nothing happens when it holds none. */
  void release(String assetId, String key);
}
