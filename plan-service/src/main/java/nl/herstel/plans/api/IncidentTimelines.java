package nl.herstel.plans.api;

import java.util.Optional;

/**
 * Where the command side reads an incident's timeline when it seeds an exercise from it (a resource
 * Axon passes to the command handler; the read model implements it).
 */
public interface IncidentTimelines {
  /** The incident's timeline, if plan-service heard of the incident's start. */
  Optional<IncidentTimeline> find(String incidentId);
}
