package nl.herstel.platform.audit;

/**
 * The outcome of verifying one event stream's hash chain.
 *
 * @param aggregateId the stream verified
 * @param intact whether every link holds
 * @param eventsChecked how many events were verified before the answer (all of them when intact)
 * @param firstBrokenSequence the sequence number of the first event whose link is broken, or null
 * @param firstBrokenEventId that event's id, or null
 * @param reason what is wrong with that link, or null
 */
public record ChainVerification(
    String aggregateId,
    boolean intact,
    long eventsChecked,
    Long firstBrokenSequence,
    String firstBrokenEventId,
    String reason) {

  static ChainVerification intact(String aggregateId, long checked) {
    return new ChainVerification(aggregateId, true, checked, null, null, null);
  }

  static ChainVerification broken(
      String aggregateId, long checked, long sequence, String eventId, String reason) {
    return new ChainVerification(aggregateId, false, checked, sequence, eventId, reason);
  }
}
