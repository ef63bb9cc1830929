package nl.herstel.contracts;

/**
 * How many event types the contracts publish, written once for every test that first asserts the
 * count of what it loops over. {@link EventTypesTest#registersExactlyThePublishedTypes()} names
 * each of them.
 */
final class Published {

  /** Every published event type, all topics. */
  static final int TYPES = 49; // --- h-a --- +1 threat-likelihood-proposed

  private Published() {}
}
