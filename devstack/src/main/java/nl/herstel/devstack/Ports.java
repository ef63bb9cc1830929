package nl.herstel.devstack;

/**
 * The devstack's fixed ports. Services are numbered from {@code base}: gateway = base, bia = +1,
 * plans = +2, incidents = +3, lessons = +4, token service = +9.
 */
public record Ports(int base, int postgres, int kafka, int kafkaController) {
  public static final int DEFAULT_BASE = 8080;
  public static final int DEFAULT_POSTGRES = 15432;
  public static final int DEFAULT_KAFKA = 19092;
  public static final int DEFAULT_KAFKA_CONTROLLER = 19093;

  public static Ports defaults() {
    return of(DEFAULT_BASE);
  }

  public static Ports of(int base) {
    return new Ports(base, DEFAULT_POSTGRES, DEFAULT_KAFKA, DEFAULT_KAFKA_CONTROLLER);
  }

  public int gateway() {
    return base;
  }

  public int bia() {
    return base + 1;
  }

  public int plans() {
    return base + 2;
  }

  public int incidents() {
    return base + 3;
  }

  public int lessons() {
    return base + 4;
  }

  public int tokens() {
    return base + 9;
  }

  /**
   * An HTTPS port per service (base + 363 + offset; 8443 for the gateway with the default base),
   * handed to Liberty as {@code HTTPS_PORT} so five servers never clash on 9443.
   */
  public int httpsFor(int httpPort) {
    return httpPort + 363;
  }
}
