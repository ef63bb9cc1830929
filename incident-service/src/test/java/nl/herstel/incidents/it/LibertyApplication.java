package nl.herstel.incidents.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Stops and starts the service's application inside the running Liberty test server, through the
 * server's local JMX connector (the one Arquillian deploys with) and Liberty's ApplicationMBean: a
 * real restart of the application (CDI, Axon, the deadline clock), without restarting the server.
 */
final class LibertyApplication implements AutoCloseable {
  private final JMXConnector connector;
  private final MBeanServerConnection server;
  private final ObjectName application;

  private LibertyApplication(JMXConnector connector, ObjectName application) throws IOException {
    this.connector = connector;
    this.server = connector.getMBeanServerConnection();
    this.application = application;
  }

  /** Connects to the test server named by the failsafe system properties. */
  static LibertyApplication connect(String nameContains) throws Exception {
    Path state =
        Paths.get(System.getProperty("herstel.liberty.wlp"))
            .resolve("usr/servers")
            .resolve(System.getProperty("herstel.it.server"))
            .resolve("logs/state/com.ibm.ws.jmx.local.address");
    String address = Files.readString(state, StandardCharsets.UTF_8).strip();
    JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
    Set<ObjectName> names =
        connector
            .getMBeanServerConnection()
            .queryNames(
                new ObjectName(
                    "WebSphere:service=com.ibm.websphere.application.ApplicationMBean,*"),
                null);
    for (ObjectName name : names) {
      if (name.getKeyProperty("name").contains(nameContains)) {
        return new LibertyApplication(connector, name);
      }
    }
    connector.close();
    throw new IllegalStateException("No application named like " + nameContains + ": " + names);
  }

  String state() throws Exception {
    return (String) server.getAttribute(application, "State");
  }

  void stop() throws Exception {
    server.invoke(application, "stop", null, null);
  }

  void start() throws Exception {
    server.invoke(application, "start", null, null);
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }
}
