package nl.herstel.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small BIA from the guide's examples, loaded once through the gateway like any client would: the
 * crown jewel <em>Payments</em> (MTPD 24h, RTO 8h, RPO 1h) on its database and application, and the
 * supporting process <em>Payroll</em>. A marker file in the data directory keeps it from being
 * loaded twice.
 */
public final class HerstelDemoData implements DemoDataLoader {
  private static final System.Logger LOG = System.getLogger(HerstelDemoData.class.getName());
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public void load(Devstack running) {
    Path marker = running.options().dataDir().resolve("demo-data.loaded");
    if (Files.exists(marker)
        || !running
            .options()
            .services()
            .containsAll(
                ServiceSpec.all(running.ports()).stream().map(ServiceSpec::name).toList())) {
      return;
    }
    String base = running.gatewayUrl();
    String token = running.token("bcm-manager");
    String database =
        id(
            post(
                base,
                token,
                "/api/bia/assets",
                "{\"name\":\"db-payments-01\",\"kind\":\"DATA\",\"description\":\"Payments database (PostgreSQL cluster)\"}"));
    String application =
        id(
            post(
                base,
                token,
                "/api/bia/assets",
                "{\"name\":\"payments-app\",\"kind\":\"SOFTWARE\",\"description\":\"Payment processing application\"}"));
    String hr =
        id(
            post(
                base,
                token,
                "/api/bia/assets",
                "{\"name\":\"hr-saas\",\"kind\":\"SUPPLIER\",\"description\":\"Payroll SaaS provider\"}"));
    post(
        base,
        token,
        "/api/bia/processes",
        ("{\"name\":\"Payments\",\"description\":\"Incoming and outgoing customer payments\","
                + "\"critical\":true,\"crownJewel\":true,\"owner\":\"CFO\","
                + "\"mtpd\":\"PT24H\",\"rto\":\"PT8H\",\"rpo\":\"PT1H\","
                + "\"supportedBy\":[\"%s\",\"%s\"]}")
            .formatted(database, application));
    post(
        base,
        token,
        "/api/bia/processes",
        ("{\"name\":\"Payroll\",\"critical\":false,\"crownJewel\":false,\"owner\":\"HR\","
                + "\"mtpd\":\"P5D\",\"rto\":\"P2D\",\"rpo\":\"P1D\",\"supportedBy\":[\"%s\"]}")
            .formatted(hr));
    try {
      Files.writeString(marker, "loaded\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.log(System.Logger.Level.INFO, "demo data loaded: processes Payments and Payroll");
  }

  private String post(String base, String token, String path, String json) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "demo data: POST "
                + path
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String id(String body) {
    Matcher m = ID.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("demo data: no id in " + body);
    }
    return m.group(1);
  }
}
