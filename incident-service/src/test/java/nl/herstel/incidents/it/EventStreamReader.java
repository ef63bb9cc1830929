package nl.herstel.incidents.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.herstel.devstack.testing.TestInfrastructure;

/**
 * Reads a text/event-stream response line by line on a thread of its own, so a test can wait with a
 * timeout for the event it expects. Server-sent events are blocks of {@code field: value} lines
 * separated by a blank line.
 */
final class EventStreamReader implements AutoCloseable {
  /** One server-sent event: its id, name and data (null when absent). */
  record SseEvent(String id, String name, String data) {}

  private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
  private final HttpResponse<Stream<String>> response;
  private final Thread reader;

  private EventStreamReader(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = new Thread(this::read, "it-sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens the stream at {@code path} as {@code role} with the extra headers. */
  static EventStreamReader open(String path, String role, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + System.getProperty("herstel.it.http.port") + path))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + TestInfrastructure.get().token(role))
            .GET();
    headers.forEach(request::header);
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
            .get(30, TimeUnit.SECONDS);
    return new EventStreamReader(response);
  }

  int statusCode() {
    return response.statusCode();
  }

  String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  private void read() {
    String id = null;
    String name = null;
    List<String> data = new ArrayList<>();
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (name != null || !data.isEmpty()) {
            events.add(new SseEvent(id, name, data.isEmpty() ? null : String.join("\n", data)));
          }
          id = null;
          name = null;
          data = new ArrayList<>();
        } else if (line.startsWith("id:")) {
          id = value(line);
        } else if (line.startsWith("event:")) {
          name = value(line);
        } else if (line.startsWith("data:")) {
          data.add(value(line));
        }
      }
    } catch (RuntimeException closed) {
      // the test closed the stream, or the server ended it
    }
  }

  private static String value(String line) {
    String value = line.substring(line.indexOf(':') + 1);
    return value.startsWith(" ") ? value.substring(1) : value;
  }

  /** The next event named {@code name}, skipping others; fails after {@code timeout}. */
  SseEvent awaitEvent(String name, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      SseEvent event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
      if (event == null) {
        throw new AssertionError("No event named " + name + " within " + timeout);
      }
      if (name.equals(event.name())) {
        return event;
      }
    }
  }

  @Override
  public void close() {
    reader.interrupt();
    response.body().close();
  }
}
