package nl.herstel.bia.query;

import java.util.List;

/** A threat with its likelihood and, per affected process, impact and risk score. */
public record ThreatView(
    String id, String name, String description, int likelihood, List<Risk> risks) {

  /** The risk a threat poses to one process: likelihood × impact, 1 to 25. */
  public record Risk(String processId, String processName, int impact, int score) {}
}
