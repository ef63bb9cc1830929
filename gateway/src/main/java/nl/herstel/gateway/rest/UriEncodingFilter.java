package nl.herstel.gateway.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.herstel.gateway.routing.Incoming;

/**
 * Percent-encodes what clients send unencoded in a URI ({@code { } | ^ < > [ ]}, spaces, non-ASCII)
 * before JAX-RS parses it: its URI parser refuses them with an exception, and a client's sloppy URL
 * must be a 4xx from the service that owns the path, never a 500 from the gateway.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UriEncodingFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String uri = request.getRequestURI();
    String query = request.getQueryString();
    String encodedUri = Incoming.encodeIllegal(uri);
    String encodedQuery = query == null ? null : Incoming.encodeIllegal(query);
    if (encodedUri.equals(uri) && (query == null || encodedQuery.equals(query))) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(new Encoded(request, encodedUri, encodedQuery), response);
  }

  private static final class Encoded extends HttpServletRequestWrapper {
    private final String uri;
    private final String query;

    Encoded(HttpServletRequest request, String uri, String query) {
      super(request);
      this.uri = uri;
      this.query = query;
    }

    @Override
    public String getRequestURI() {
      return uri;
    }

    @Override
    public StringBuffer getRequestURL() {
      HttpServletRequest request = (HttpServletRequest) getRequest();
      StringBuffer url = new StringBuffer();
      url.append(request.getScheme()).append("://").append(request.getServerName());
      int port = request.getServerPort();
      if (port > 0) {
        url.append(':').append(port);
      }
      return url.append(uri);
    }

    @Override
    public String getQueryString() {
      return query;
    }
  }
}
