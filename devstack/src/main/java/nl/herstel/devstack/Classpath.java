package nl.herstel.devstack;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The classpath of this JVM as a list of real files, robust against launchers that hide it: a
 * manifest-only booter jar (Surefire/Failsafe) is expanded through its manifest {@code Class-Path},
 * {@link URLClassLoader}s contribute their URLs, and the jars of a few marker classes are added in
 * any case.
 */
final class Classpath {
  private Classpath() {}

  static List<Path> of(Class<?>... markers) {
    Set<Path> result = new LinkedHashSet<>();
    for (ClassLoader cl = Classpath.class.getClassLoader(); cl != null; cl = cl.getParent()) {
      if (cl instanceof URLClassLoader ucl) {
        for (URL url : ucl.getURLs()) {
          add(result, toPath(url));
        }
      }
    }
    String cp = System.getProperty("java.class.path", "");
    for (String entry : cp.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        add(result, Paths.get(entry));
      }
    }
    for (Class<?> marker : markers) {
      CodeSource cs = marker.getProtectionDomain().getCodeSource();
      if (cs != null && cs.getLocation() != null) {
        add(result, toPath(cs.getLocation()));
      }
    }
    return List.copyOf(result);
  }

  /** The entries with every manifest Class-Path expanded (recursively), existing files only. */
  static List<Path> expand(List<Path> entries) {
    Set<Path> result = new LinkedHashSet<>();
    entries.forEach(e -> add(result, e));
    return List.copyOf(result);
  }

  /** Adds the entry and, for a jar, everything its manifest Class-Path names (recursively). */
  private static void add(Set<Path> result, Path entry) {
    Deque<Path> todo = new ArrayDeque<>();
    todo.add(entry);
    while (!todo.isEmpty()) {
      Path p = todo.poll();
      if (p == null || !Files.exists(p)) {
        continue;
      }
      p = p.toAbsolutePath().normalize();
      if (!result.add(p) || Files.isDirectory(p)) {
        continue;
      }
      try (JarFile jar = new JarFile(p.toFile())) {
        Manifest mf = jar.getManifest();
        String classPath =
            mf == null ? null : mf.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        if (classPath != null) {
          for (String ref : classPath.trim().split("\\s+")) {
            if (!ref.isEmpty()) {
              todo.add(resolve(p, ref));
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // not a jar we can read: keep it as it is
      }
    }
  }

  private static Path resolve(Path jar, String ref) {
    try {
      return Paths.get(jar.toUri().resolve(ref.replace(" ", "%20")));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Path toPath(URL url) {
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
