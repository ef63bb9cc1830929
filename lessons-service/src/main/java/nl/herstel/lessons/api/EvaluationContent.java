package nl.herstel.lessons.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What an evaluation of an incident records (DOMAIN.md, "Continuous learning"): what went well, the
 * cause and the damage (toedracht en schade), what helped and what hindered the recovery, who took
 * part and when it was held. A draft may leave any of it out; a final evaluation needs the cause
 * and damage, the date and at least one participant.
 *
 * @param heldOn the day the evaluation was held
 */
public record EvaluationContent(
    String wentWell,
    String causeAndDamage,
    String helped,
    String hindered,
    List<Participant> participants,
    LocalDate heldOn) {

  public EvaluationContent {
    participants = participants == null ? List.of() : List.copyOf(participants);
  }

  /** Someone who took part in the evaluation, with the role they had in the incident. */
  public record Participant(String name, String role) {}
}
