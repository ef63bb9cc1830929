package nl.herstel.gateway.routing;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;

/**
 * The request as the gateway received it, read from the servlet request rather than JAX-RS's URI
 * (which refuses characters such as {@code {} | ^ < > [ ]} that clients do send unencoded).
 *
 * @param scheme {@code http} or {@code https}
 * @param host the {@code Host} the client addressed, with its port
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query as sent, or null
 * @param clientAddress the client's address as the gateway determined it
 */
public record Incoming(
    String scheme, String host, String rawPath, String rawQuery, String clientAddress) {

  /** From the servlet request; {@code clientAddress} comes from the gateway's client rule. */
  public static Incoming of(HttpServletRequest request, String clientAddress) {
    String host = request.getHeader("Host");
    if (host == null || host.isBlank()) {
      host = request.getServerName() + ":" + request.getServerPort();
    }
    return new Incoming(
        request.getScheme(),
        host,
        request.getRequestURI(),
        request.getQueryString(),
        clientAddress);
  }

  /** The gateway's public origin as the client addressed it, e.g. {@code http://localhost:8080}. */
  public String origin() {
    return scheme + "://" + host;
  }

  /**
   * Percent-encodes what may not appear unencoded in a URI (spaces, controls, {@code "<>\\^`{|}[]}
   * and non-ASCII), leaving every valid character and existing escape as it is.
   */
  public static String encodeIllegal(String raw) {
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xff;
      boolean escape = c == '%' && hex(bytes, i + 1) && hex(bytes, i + 2);
      if (escape || (c > 0x20 && c < 0x7f && c != '%' && ILLEGAL.indexOf(c) < 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static final String ILLEGAL = "\"<>\\^`{|}[]";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static boolean hex(byte[] bytes, int at) {
    return at < bytes.length && Character.digit(bytes[at], 16) >= 0;
  }
}
