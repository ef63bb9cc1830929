package nl.herstel.lessons.api;

/** An evaluation is a draft until it is finalised; a final evaluation no longer changes. */
public enum EvaluationStatus {
  DRAFT,
  FINAL
}
