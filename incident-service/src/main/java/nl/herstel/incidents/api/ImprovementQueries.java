package nl.herstel.incidents.api;

/** The queries about improvement actions lessons-service recorded for incidents. */
public final class ImprovementQueries {
  private ImprovementQueries() {}

  /** Every improvement action recorded for the incident, earliest due first. */
  public record ListIncidentImprovementActions(String incidentId, String after, int limit) {}
}
