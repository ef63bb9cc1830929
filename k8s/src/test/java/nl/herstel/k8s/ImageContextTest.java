package nl.herstel.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The image build context the Maven build writes for each service ({@code <service>/target/image},
 * from service-parent/image/Dockerfile): complete, on a pinned Open Liberty base of the version the
 * tests run, non-root, and listening where the Deployment probes.
 */
class ImageContextTest {

  static List<String> services() {
    return Repository.SERVICES;
  }

  @ParameterizedTest
  @MethodSource("services")
  void holdsTheServersConfigurationAndTheWar(String service) throws IOException {
    Path module = Repository.root().resolve(service);
    Path context = module.resolve("target/image");
    assertThat(context.resolve("Dockerfile")).isRegularFile();
    assertThat(context.resolve("server.xml")).hasSameBinaryContentAs(Repository.serverXml());
    assertThat(context.resolve(service + ".war"))
        .hasSameBinaryContentAs(module.resolve("target/" + service + ".war"));

    List<String> instructions = instructions(context.resolve("Dockerfile"));
    List<String> copies = instructions.stream().filter(i -> i.startsWith("COPY ")).toList();
    assertThat(copies).hasSize(2);
    for (String copy : copies) {
      String[] parts = copy.split("\\s+");
      String source = parts[parts.length - 2];
      assertThat(context.resolve(source)).as(copy).exists();
    }
    assertThat(copies.get(1)).endsWith(" /config/dropins/" + service + ".war");
    assertThat(String.join("\n", instructions)).doesNotContain("${").doesNotContain("@");
  }

  @ParameterizedTest
  @MethodSource("services")
  void startsFromAPinnedLibertyImageAndRunsAsNonRoot(String service) throws IOException {
    List<String> instructions =
        instructions(Repository.root().resolve(service).resolve("target/image/Dockerfile"));
    List<String> from = instructions.stream().filter(i -> i.startsWith("FROM ")).toList();
    assertThat(from).hasSize(1);
    String base = from.get(0).substring("FROM ".length()).trim();
    assertThat(base).isEqualTo(System.getProperty("herstel.image.base"));
    Matcher tag = Pattern.compile("^[^@]+/[^/:]+:([^:/]+)$").matcher(base);
    assertThat(tag.matches()).as("%s has a tag", base).isTrue();
    assertThat(tag.group(1))
        .isNotEqualTo("latest")
        .startsWith(System.getProperty("liberty.version") + "-");

    List<String> users = instructions.stream().filter(i -> i.startsWith("USER ")).toList();
    assertThat(users).isNotEmpty();
    String user = users.get(users.size() - 1).substring("USER ".length()).trim();
    assertThat(user).matches("[1-9][0-9]*");
    JsonContainer container = JsonContainer.of(service);
    assertThat(Integer.parseInt(user)).isEqualTo(container.runAsUser());

    List<String> exposed = instructions.stream().filter(i -> i.startsWith("EXPOSE ")).toList();
    assertThat(exposed).hasSize(1);
    assertThat(exposed.get(0)).isEqualTo("EXPOSE " + container.httpPort());
  }

  private static List<String> instructions(Path dockerfile) throws IOException {
    return Files.readAllLines(dockerfile).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  /** What the base Deployment of a service says about its container. */
  private record JsonContainer(int runAsUser, int httpPort) {
    static JsonContainer of(String service) {
      var pod =
          Manifests.of("base")
              .one("Deployment", service)
              .path("spec")
              .path("template")
              .path("spec");
      return new JsonContainer(
          pod.path("securityContext").path("runAsUser").asInt(),
          pod.path("containers").get(0).path("ports").get(0).path("containerPort").asInt());
    }
  }
}
