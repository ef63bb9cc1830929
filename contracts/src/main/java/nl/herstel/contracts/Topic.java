package nl.herstel.contracts;

/**
 * The Kafka topics integration events travel on, one per producing service.
 *
 * <p>The actual topic name comes from configuration: MicroProfile Config key {@link #configKey()},
 * falling back to {@link #defaultName()}. Never use {@code defaultName()} directly where a
 * configured name can be read.
 */
public enum Topic {
  /** Business impact analysis events, written by bia-service. */
  BIA("herstel.topics.bia", "herstel.bia.v1"),
  /** Recovery plan events, written by plan-service. */
  PLANS("herstel.topics.plans", "herstel.plans.v1"),
  /** Live incident events, written by incident-service. */
  INCIDENTS("herstel.topics.incidents", "herstel.incidents.v1"),
  /** Lessons-learned events, written by lessons-service. */
  LESSONS("herstel.topics.lessons", "herstel.lessons.v1");

  private final String configKey;
  private final String defaultName;

  Topic(String configKey, String defaultName) {
    this.configKey = configKey;
    this.defaultName = defaultName;
  }

  /** The MicroProfile Config key whose value is this topic's name. */
  public String configKey() {
    return configKey;
  }

  /** The topic name used when {@link #configKey()} is not configured. */
  public String defaultName() {
    return defaultName;
  }
}
