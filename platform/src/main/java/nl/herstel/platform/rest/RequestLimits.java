package nl.herstel.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import nl.herstel.platform.rest.Problem.Kind;

/**
 * Refuses oversized bodies before anything parses them: by their declared length, and by counting
 * when they are streamed without one.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLimits implements ContainerRequestFilter {

  /** The largest request body accepted, in bytes (4 MiB: room for 1,000 SOC events). */
  public static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

  @Context UriInfo uriInfo;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > MAX_BODY_BYTES) {
      request.abortWith(tooLarge());
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Limited(request.getEntityStream()));
    }
  }

  private jakarta.ws.rs.core.Response tooLarge() {
    return Problem.of(
            Kind.PAYLOAD_TOO_LARGE,
            "The body exceeds " + MAX_BODY_BYTES + " bytes; split it into smaller requests",
            path())
        .toResponse();
  }

  private String path() {
    return uriInfo == null ? null : PublicUris.path(uriInfo);
  }

  /** Fails the read once more than the limit has been streamed. */
  static final class Limited extends java.io.FilterInputStream {
    private long count;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) {
      count += n;
      if (count > MAX_BODY_BYTES) {
        throw new jakarta.ws.rs.WebApplicationException(413);
      }
    }
  }
}
