package nl.herstel.bia.rest;

/** Optional text fields as requests send them. */
final class Texts {
  private Texts() {}

  /** The text stripped, or null when absent or blank. */
  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
