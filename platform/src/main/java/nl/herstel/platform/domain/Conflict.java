package nl.herstel.platform.domain;

/** The request conflicts with the current state (a duplicate, a stale version). Answered as 409. */
public class Conflict extends RuntimeException {
  public Conflict(String message) {
    super(message);
  }
}
