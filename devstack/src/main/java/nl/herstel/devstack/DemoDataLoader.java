package nl.herstel.devstack;

/**
 * Loads demo data into a running devstack. Implementations are found with {@link
 * java.util.ServiceLoader} ({@code META-INF/services/nl.herstel.devstack.DemoDataLoader}) and run
 * after all services are ready, unless demo data is switched off.
 */
public interface DemoDataLoader {
  void load(Devstack running);
}
