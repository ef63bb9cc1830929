package nl.herstel.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

  @Test
  void passesBytesOnAndAddsLatencyOnDemand() throws Exception {
    try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TcpProxy proxy = TcpProxy.start(0, "127.0.0.1", echo.getLocalPort())) {
      Thread server = new Thread(() -> echo(echo));
      server.setDaemon(true);
      server.start();
      try (Socket client = new Socket("127.0.0.1", proxy.port())) {
        roundTripMillis(client, "warm-up");
        proxy.slow(Duration.ofMillis(500), 0);
        // both ways wait: at least twice the latency
        assertThat(roundTripMillis(client, "slow")).isGreaterThanOrEqualTo(1000);
        proxy.normal();
        assertThat(roundTripMillis(client, "quick again")).isLessThan(1000);
      }
    }
  }

  @Test
  void refusesWhenTheTargetIsDown() throws Exception {
    int down;
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      down = s.getLocalPort();
    }
    try (TcpProxy proxy = TcpProxy.start(0, "127.0.0.1", down);
        Socket client = new Socket("127.0.0.1", proxy.port())) {
      client.setSoTimeout(5000);
      assertThat(client.getInputStream().read()).isEqualTo(-1);
    }
  }

  private static long roundTripMillis(Socket client, String text) throws IOException {
    byte[] sent = text.getBytes();
    long t0 = System.nanoTime();
    OutputStream out = client.getOutputStream();
    out.write(sent);
    out.flush();
    byte[] back = new byte[sent.length];
    new DataInputStream(client.getInputStream()).readFully(back);
    assertThat(new String(back)).isEqualTo(text);
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static void echo(ServerSocket server) {
    try (Socket s = server.accept();
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException ignored) {
      // test over
    }
  }
}
