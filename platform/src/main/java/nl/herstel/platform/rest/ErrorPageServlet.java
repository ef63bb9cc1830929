package nl.herstel.platform.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.herstel.platform.rest.Problem.Kind;

/**
 * The error page of every Herstel server (declared in the platform's {@code web-fragment.xml}):
 * what the servlet container refuses before JAX-RS runs — a missing or invalid bearer token, a
 * request URI it will not decode, a path no application serves — is answered as RFC 9457 JSON like
 * everything else, instead of the server's HTML page with its product name and stack frames.
 */
public class ErrorPageServlet extends HttpServlet {
  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Asked for directly, not as an error page: there is nothing here.
    int status = code instanceof Integer number ? number : 404;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String text && StorableText.storable(text) ? text : null;
    Problem problem = problem(status, path, request);
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(problem.status());
    SecurityHeaders.apply(response::setHeader);
    if (status == 401 && !response.containsHeader("WWW-Authenticate")) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    // The JWT check answers 401 with Content-Length: 0 already set; the problem needs its own.
    byte[] body = JsonProvider.MAPPER.writeValueAsBytes(problem);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static Problem problem(int status, String path, HttpServletRequest request) {
    return switch (status) {
      case 400 ->
          Problem.of(
              Kind.MALFORMED,
              "The request could not be read: its URI or headers are not well formed (encode"
                  + " reserved characters; encoded dots and slashes are not accepted in paths)",
              path);
      default -> {
        if (status < 500 || status == 503) {
          yield Problem.forStatus(
              status, status == 413 ? "The request is too large" : "The request was refused", path);
        }
        String errorId = UUID.randomUUID().toString();
        Object cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        LOG.log(
            Level.SEVERE,
            "Unhandled error " + errorId + " on " + path,
            cause instanceof Throwable t ? t : null);
        yield Problem.of(
                Kind.INTERNAL, "An internal error occurred; it was logged as " + errorId, path)
            .withErrorId(errorId);
      }
    };
  }
}
