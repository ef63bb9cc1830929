package nl.herstel.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Open Liberty server of a shared installation, run as {@code <wlp>/bin/server run <name>} with
 * extra environment. The HTTP port reaches the server as {@code HTTP_PORT}, which Liberty resolves
 * for {@code ${http.port}}.
 */
public final class LibertyServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LibertyServer.class.getName());
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final String serverName;
  private final int httpPort;
  private final Path logFile;
  private final Process process;
  private final long startedNanos = System.nanoTime();

  private LibertyServer(String serverName, int httpPort, Path logFile, Process process) {
    this.serverName = serverName;
    this.httpPort = httpPort;
    this.logFile = logFile;
    this.process = process;
  }

  /**
   * Starts {@code serverName} from {@code wlpDir}; does not wait for it (see {@link
   * #awaitReady(Duration)}).
   *
   * @param env added to this JVM's environment; {@code HTTP_PORT} is set to {@code httpPort}, and
   *     {@code JVM_ARGS} defaults to {@code -Xmx384m}
   */
  public static LibertyServer start(
      Path wlpDir, String serverName, int httpPort, Map<String, String> env, Path logFile) {
    Path script = wlpDir.resolve("bin").resolve("server");
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException(
          "no Liberty installation at " + wlpDir + " (missing " + script + ")");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(script.toAbsolutePath().toString());
    cmd.add("run");
    cmd.add(serverName);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(wlpDir.toFile());
    Map<String, String> penv = pb.environment();
    penv.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
    penv.putAll(env);
    penv.put("HTTP_PORT", Integer.toString(httpPort));
    penv.putIfAbsent("JVM_ARGS", "-Xmx384m");
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      pb.redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      Process p = pb.start();
      LOG.log(
          Level.DEBUG,
          "started Liberty server {0} (pid {1}) on port {2}",
          serverName,
          p.pid(),
          httpPort);
      return new LibertyServer(serverName, httpPort, logFile, p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Liberty server " + serverName, e);
    }
  }

  public String name() {
    return serverName;
  }

  public int httpPort() {
    return httpPort;
  }

  public String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  public Path logFile() {
    return logFile;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /**
   * Polls {@code /health/ready} until it answers 200.
   *
   * @throws IllegalStateException on timeout or when the server exits, with the log's tail and the
   *     last answer
   */
  public void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI uri = URI.create("http://127.0.0.1:" + httpPort + "/health/ready");
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Liberty server "
                + serverName
                + " exited with "
                + process.exitValue()
                + " before it was ready (last: "
                + last
                + ")\n"
                + LogTail.of(logFile, 60));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          LOG.log(
              Level.INFO,
              "Liberty server {0} ready on port {1} after {2} ms",
              serverName,
              httpPort,
              (System.nanoTime() - startedNanos) / 1_000_000);
          return;
        }
        last = "HTTP " + r.statusCode() + " " + abbreviate(r.body());
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + serverName, e);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + serverName, e);
      }
    }
    throw new IllegalStateException(
        "Liberty server "
            + serverName
            + " not ready on "
            + uri
            + " after "
            + timeout.toSeconds()
            + " s (last: "
            + last
            + ")\n"
            + LogTail.of(logFile, 60));
  }

  /**
   * Graceful stop: SIGTERM to the process and all its descendants, up to 30 s, then SIGKILL. No
   * process of the tree survives.
   */
  public void stop() {
    long t0 = System.nanoTime();
    boolean graceful = ProcessTree.terminate(process.toHandle(), STOP_GRACE);
    LOG.log(
        Level.INFO,
        "Liberty server {0} stopped {1} in {2} ms",
        serverName,
        graceful ? "gracefully" : "forcibly",
        (System.nanoTime() - t0) / 1_000_000);
  }

  /** SIGKILL of the whole process tree, as in a crash. */
  public void kill() {
    ProcessTree.kill(process.toHandle());
  }

  @Override
  public void close() {
    stop();
  }

  private static String abbreviate(String s) {
    String one = s == null ? "" : s.replaceAll("\\s+", " ");
    return one.length() > 300 ? one.substring(0, 300) + "..." : one;
  }
}
