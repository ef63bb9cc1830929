package nl.herstel.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manifest-only booter jar (as Surefire/Failsafe may use) is expanded to the real entries. */
class ClasspathTest {
  @TempDir Path tmp;

  @Test
  void expandsManifestClassPathRecursively() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("with space/classes"));
    Path lib = tmp.resolve("lib.jar");
    jar(lib, dir.toUri().toString());
    Path booter = tmp.resolve("booter.jar");
    jar(booter, lib.toUri().toString() + " " + tmp.resolve("missing.jar").toUri());

    List<Path> cp = Classpath.expand(List.of(booter));

    assertThat(cp).containsExactly(booter, lib, dir);
  }

  @Test
  void findsTheKafkaJarsInThisJvm() {
    List<Path> cp = Classpath.of(kafka.Kafka.class);
    assertThat(cp).anyMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"));
    assertThat(cp).anyMatch(p -> p.getFileName().toString().startsWith("kafka-clients-"));
    assertThat(cp).anyMatch(p -> p.getFileName().toString().startsWith("scala-library-"));
  }

  private static void jar(Path file, String classPath) throws Exception {
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out, mf)) {
      jar.flush();
    }
  }
}
