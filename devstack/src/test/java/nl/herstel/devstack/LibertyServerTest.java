package nl.herstel.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LibertyServer against a stand-in {@code bin/server} script that forks a process tree, as {@code
 * server run} may fork java. No real Liberty installation is needed.
 */
class LibertyServerTest {
  @TempDir Path wlp;

  @BeforeEach
  void fakeInstallation() throws Exception {
    Path bin = Files.createDirectories(wlp.resolve("bin"));
    Path script = bin.resolve("server");
    Files.writeString(
        script,
        """
        #!/bin/sh
        echo "action=$1 server=$2 HTTP_PORT=$HTTP_PORT JVM_ARGS=$JVM_ARGS HERSTEL_X=$HERSTEL_X"
        sleep 300 &
        sh -c 'sleep 301 & sleep 302' &
        sleep 303
        """);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void stopLeavesNoProcessOfTheTree() throws Exception {
    Path log = wlp.resolve("logs/fake.log");
    LibertyServer server = LibertyServer.start(wlp, "fake", 18123, Map.of("HERSTEL_X", "y"), log);
    List<ProcessHandle> tree = awaitTree(server, 5);
    assertThat(server.isRunning()).isTrue();

    server.stop();

    assertThat(server.isRunning()).isFalse();
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
    assertThat(Files.readString(log))
        .contains("action=run server=fake HTTP_PORT=18123 JVM_ARGS=-Xmx384m HERSTEL_X=y");
  }

  @Test
  void killLeavesNoProcessOfTheTree() throws Exception {
    LibertyServer server = LibertyServer.start(wlp, "fake", 18124, Map.of(), wlp.resolve("k.log"));
    List<ProcessHandle> tree = awaitTree(server, 5);
    server.kill();
    assertThat(server.isRunning()).isFalse();
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void awaitReadyPollsTheReadinessEndpoint() throws Exception {
    HttpServer health =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    int[] calls = {0};
    health.createContext(
        "/health/ready",
        ex -> {
          int status = ++calls[0] < 3 ? 503 : 200;
          byte[] body = "{\"status\":\"DOWN\"}".getBytes();
          ex.sendResponseHeaders(status, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    health.start();
    int port = health.getAddress().getPort();
    try (LibertyServer server =
        LibertyServer.start(wlp, "fake", port, Map.of(), wlp.resolve("r.log"))) {
      server.awaitReady(Duration.ofSeconds(10));
      assertThat(calls[0]).isEqualTo(3);
    } finally {
      health.stop(0);
    }
  }

  @Test
  void awaitReadyFailsFastWhenTheServerExits() throws Exception {
    Files.writeString(wlp.resolve("bin/server"), "#!/bin/sh\necho 'CWWKE0005E: boom'\nexit 3\n");
    Path log = wlp.resolve("x.log");
    LibertyServer server = LibertyServer.start(wlp, "fake", 18125, Map.of(), log);
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> server.awaitReady(Duration.ofSeconds(30)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with 3")
        .hasMessageContaining("CWWKE0005E: boom");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
  }

  /** Waits until the script has forked its children (root + at least {@code min} - 1 more). */
  private static List<ProcessHandle> awaitTree(LibertyServer server, int min) throws Exception {
    ProcessHandle root = ProcessHandle.of(server.pid()).orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<ProcessHandle> tree = ProcessTree.snapshot(root);
    while (tree.size() < min && System.nanoTime() < deadline) {
      Thread.sleep(50);
      tree = ProcessTree.snapshot(root);
    }
    assertThat(tree).hasSizeGreaterThanOrEqualTo(min);
    return tree;
  }
}
