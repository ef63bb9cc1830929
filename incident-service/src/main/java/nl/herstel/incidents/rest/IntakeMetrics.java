package nl.herstel.incidents.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts the alerts the intake accepted and refused, per adapter ({@code herstel} for the own
 * schema, {@code cloudevents}, or the vendor's name): {@code herstel_intake_alerts_total}. A batch
 * counts each of its items; a single alert counts as accepted when answered 2xx, refused when
 * answered 4xx (unauthenticated, invalid, too large, throttled; logged, with the request's
 * correlation id, so an operator can find why a SOC tool's alerts go missing) and failed on 5xx. A
 * path that names no adapter is not counted, so a caller cannot invent tag values.
 */
@Provider
public class IntakeMetrics implements ContainerResponseFilter {
  static final String NAME = "herstel_intake_alerts";
  private static final Logger LOG = Logger.getLogger(IntakeMetrics.class.getName());
  private static final Metadata METADATA =
      Metadata.builder()
          .withName(NAME)
          .withDescription("Alerts the intake accepted, refused or failed to store, per adapter")
          .build();

  @Inject MetricRegistry registry;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getPath().replaceFirst("^/", "");
    if (!HttpMethod.POST.equals(request.getMethod())
        || !(path.equals("intake") || path.startsWith("intake/"))
        || request.getUriInfo().getMatchedResources().isEmpty()
        || response.getStatus() == 404
        || response.getStatus() == 405) {
      return;
    }
    String adapter = adapter(request, path);
    if (response.getEntity() instanceof AlertIntake.BatchAnswer batch) {
      count(adapter, "accepted", batch.accepted().size());
      count(adapter, "refused", batch.rejected().size());
      return;
    }
    int status = response.getStatus();
    count(adapter, status < 300 ? "accepted" : status < 500 ? "refused" : "failed", 1);
    if (status >= 400 && status < 500) {
      LOG.info(() -> "The intake refused an alert from adapter " + adapter + " with " + status);
    }
  }

  private static String adapter(ContainerRequestContext request, String path) {
    if (path.startsWith("intake/")) {
      return path.substring("intake/".length()).toLowerCase(Locale.ROOT);
    }
    String type = request.getHeaderString("Content-Type");
    boolean cloudEvent =
        request.getHeaderString("ce-specversion") != null
            || (type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/cloudevents"));
    return cloudEvent ? "cloudevents" : "herstel";
  }

  private void count(String adapter, String outcome, int alerts) {
    if (alerts > 0) {
      registry
          .counter(METADATA, new Tag("adapter", adapter), new Tag("outcome", outcome))
          .inc(alerts);
    }
  }
}
