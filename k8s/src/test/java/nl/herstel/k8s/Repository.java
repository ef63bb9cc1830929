package nl.herstel.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the manifests are checked against, read from the source tree: the services, the settings
 * each one reads, the runtime server configuration.
 */
final class Repository {
  /** The five deployable modules, named as their Deployments. */
  static final List<String> SERVICES =
      List.of("bia-service", "plan-service", "incident-service", "lessons-service", "gateway");

  /**
   * Keys that the MicroProfile JWT runtime reads itself (MicroProfile JWT 2.1, section
   * "Configuration Parameters"); no Herstel class names them.
   */
  static final Set<String> MP_JWT_KEYS =
      Set.of(
          "mp.jwt.verify.publickey",
          "mp.jwt.verify.publickey.location",
          "mp.jwt.verify.publickey.algorithm",
          "mp.jwt.verify.issuer",
          "mp.jwt.verify.audiences",
          "mp.jwt.token.header",
          "mp.jwt.token.cookie",
          "mp.jwt.decrypt.key.location");

  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern TOPIC_KEY = Pattern.compile("[A-Z_]+\\(\"([a-z][a-z.-]+)\",\\s*\"");
  private static final Pattern SERVER_VARIABLE = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9.]*)}");

  private Repository() {}

  static Path root() {
    return Path.of(System.getProperty("herstel.root", "..")).toAbsolutePath().normalize();
  }

  static Path k8s() {
    return root().resolve("k8s");
  }

  /**
   * The MicroProfile Config keys {@code service} reads: its own {@code @ConfigProperty} names and
   * those of platform, the topic keys of contracts' {@code Topic}, the keys in its and platform's
   * {@code microprofile-config.properties}, and the MicroProfile JWT keys.
   */
  static Set<String> configKeys(String service) {
    Set<String> keys = new TreeSet<>(MP_JWT_KEYS);
    for (String module : List.of(service, "platform", "contracts")) {
      Path sources = root().resolve(module).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String text = Files.readString(file);
          collect(CONFIG_PROPERTY.matcher(text), keys);
          if (file.getFileName().toString().equals("Topic.java")) {
            collect(TOPIC_KEY.matcher(text), keys);
          }
        }
        Path properties =
            root()
                .resolve(module)
                .resolve("src/main/resources/META-INF/microprofile-config.properties");
        if (Files.isRegularFile(properties)) {
          Properties p = new Properties();
          p.load(new StringReader(Files.readString(properties)));
          keys.addAll(p.stringPropertyNames());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return keys;
  }

  /** The runtime server configuration every image carries. */
  static Path serverXml() {
    return root().resolve("service-parent/liberty/server.xml");
  }

  /** The variables {@code server.xml} reads ({@code ${http.port}} and the like). */
  static Set<String> serverVariables() {
    Set<String> variables = new TreeSet<>();
    try {
      collect(SERVER_VARIABLE.matcher(Files.readString(serverXml())), variables);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return variables;
  }

  /**
   * The environment variable MicroProfile Config (and Liberty, for server variables) maps to {@code
   * key}: every character that is not a letter or digit becomes {@code _}, then upper case.
   */
  static String envName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private static void collect(Matcher matcher, Set<String> into) {
    while (matcher.find()) {
      into.add(matcher.group(1));
    }
  }
}
