package nl.herstel.incidents.query;

import java.util.List;
import nl.herstel.incidents.api.IncidentEvents.AssetRef;

/**
 * The assets an alert named, as the BIA copy knows them.
 *
 * @param resolved every asset matched, once, in the order named; a name two assets share matches
 *     both, since either may be hit
 * @param unresolved the names no asset matched, in the order named
 */
public record AssetResolution(List<AssetRef> resolved, List<String> unresolved) {}
