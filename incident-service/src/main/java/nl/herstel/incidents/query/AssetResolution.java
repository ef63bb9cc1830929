package nl.herstel.incidents.query;

import java.util.List;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;

/**
 * The assets an alert named, as the BIA copy knows them.
 *
 * @param resolved every asset matched, once, in the order named (see {@link AssetResolver})
 * @param unresolved the hints no asset matched, in the order named
 * @param warnings why hints that came close to several assets were left unresolved
 */
public record AssetResolution(
    List<AssetRef> resolved, List<String> unresolved, List<String> warnings) {
  public AssetResolution {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** A resolution without warnings. */
  public AssetResolution(List<AssetRef> resolved, List<String> unresolved) {
    this(resolved, unresolved, List.of());
  }
}
