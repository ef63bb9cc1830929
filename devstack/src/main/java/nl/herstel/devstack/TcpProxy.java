package nl.herstel.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 that can make the network slow on demand: each chunk that passes waits
 * the added latency, and the bytes per second are throttled. The devstack puts it between the
 * services and the Kafka broker for the fault suite (a slow network to Kafka); untouched it only
 * passes bytes on.
 */
public final class TcpProxy implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TcpProxy.class.getName());

  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile long latencyNanos;
  private volatile long bytesPerSecond;
  private volatile boolean closed;

  private TcpProxy(ServerSocket server, String targetHost, int targetPort) {
    this.server = server;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  /**
   * Listens on {@code port} (0 for a free one) and forwards every connection to {@code
   * targetHost:targetPort}.
   */
  public static TcpProxy start(int port, String targetHost, int targetPort) {
    try {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      TcpProxy proxy = new TcpProxy(server, targetHost, targetPort);
      daemon("tcp-proxy-" + server.getLocalPort(), proxy::accept);
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  /**
   * From now on every chunk waits {@code latency} more and the bytes each way are limited to {@code
   * bytesPerSecond} (0: unlimited).
   */
  public void slow(Duration latency, long bytesPerSecond) {
    this.latencyNanos = latency.toNanos();
    this.bytesPerSecond = Math.max(0, bytesPerSecond);
    LOG.log(
        Level.INFO,
        "proxy {0} -> {1}: latency {2} ms, {3} bytes/s",
        port(),
        targetPort,
        latency.toMillis(),
        bytesPerSecond == 0 ? "unlimited" : bytesPerSecond);
  }

  /** Back to passing bytes on at once. */
  public void normal() {
    slow(Duration.ZERO, 0);
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        Socket target;
        try {
          target = new Socket(targetHost, targetPort);
        } catch (IOException refused) {
          // the target is down: so is the proxied address
          client.close();
          continue;
        }
        client.setTcpNoDelay(true);
        target.setTcpNoDelay(true);
        open.add(client);
        open.add(target);
        daemon("tcp-proxy-up-" + port(), () -> pump(client, target));
        daemon("tcp-proxy-down-" + port(), () -> pump(target, client));
      } catch (IOException e) {
        if (!closed) {
          LOG.log(Level.DEBUG, "proxy accept failed", e);
        }
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        long latency = latencyNanos;
        long rate = bytesPerSecond;
        long wait = latency + (rate > 0 ? n * 1_000_000_000L / rate : 0);
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed: close both below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void daemon(String name, Runnable work) {
    Thread t = new Thread(work, name);
    t.setDaemon(true);
    t.start();
  }

  private void closeQuietly(Socket socket) {
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : Set.copyOf(open)) {
      closeQuietly(s);
    }
  }
}
