package nl.herstel.devstack;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth 2.0 authorization-code flow with PKCE (RFC 7636) of the development token service, for
 * the web console: {@code /authorize} shows a login form (a user name and roles, no password: this
 * is development only), and redirects back with a one-time {@code code}; {@code POST /token}
 * exchanges the code and its {@code code_verifier} for a token. Codes live in memory for {@link
 * #CODE_TTL} and are used once; only {@code S256} challenges and redirects to this machine ({@code
 * localhost}, {@code 127.0.0.1}) are accepted.
 */
final class CodeFlow {
  /** How long a code may wait for its exchange. */
  static final Duration CODE_TTL = Duration.ofSeconds(60);

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Clock clock;

  CodeFlow(Clock clock) {
    this.clock = clock;
  }

  /** What a login asked for: who, which client, where to go back, the PKCE challenge. */
  record Request(
      String clientId, URI redirectUri, String state, String codeChallenge, String scope) {}

  /** A code issued and not yet exchanged. */
  record Grant(Request request, String subject, Set<String> roles, Instant expires) {}

  /** Why a request or an exchange is refused: an OAuth error code and a sentence. */
  static final class Refused extends Exception {
    final String error;

    Refused(String error, String description) {
      super(description);
      this.error = error;
    }
  }

  /** Checks the parameters of {@code /authorize} (query or form). */
  static Request request(Map<String, String> p) throws Refused {
    if (!"code".equals(p.get("response_type"))) {
      throw new Refused("unsupported_response_type", "response_type must be code");
    }
    String clientId = p.get("client_id");
    if (clientId == null || clientId.isBlank()) {
      throw new Refused("invalid_request", "client_id is missing");
    }
    URI redirect = localRedirect(p.get("redirect_uri"));
    String challenge = p.get("code_challenge");
    if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{43}")) {
      throw new Refused("invalid_request", "code_challenge must be a S256 challenge (PKCE)");
    }
    if (!"S256".equals(p.get("code_challenge_method"))) {
      throw new Refused("invalid_request", "code_challenge_method must be S256");
    }
    return new Request(clientId, redirect, p.getOrDefault("state", ""), challenge, p.get("scope"));
  }

  private static URI localRedirect(String value) throws Refused {
    try {
      URI uri = new URI(value == null ? "" : value);
      String host = uri.getHost();
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && ("localhost".equals(host) || "127.0.0.1".equals(host))
          && uri.getRawFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException malformed) {
      // refused below
    }
    throw new Refused(
        "invalid_request", "redirect_uri must be an http(s) URL on localhost without fragment");
  }

  /** Issues a one-time code for the user who signed in; answers where to send the browser. */
  URI issue(Request request, String subject, List<String> roleList) throws Refused {
    if (subject == null || !subject.strip().matches("[\\p{L}\\p{N} ._@-]{1,64}")) {
      throw new Refused("invalid_request", "user name: 1 to 64 letters, digits, spaces or . _ @ -");
    }
    Set<String> roles = new LinkedHashSet<>();
    for (String r : roleList) {
      if (!DevJwt.ROLES.contains(r)) {
        throw new Refused(
            "invalid_scope",
            "unknown role '"
                + r
                + "'; known roles: "
                + String.join(", ", new TreeSet<>(DevJwt.ROLES)));
      }
      roles.add(r);
    }
    if (roles.isEmpty()) {
      throw new Refused("invalid_scope", "choose at least one role");
    }
    expire();
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String code = B64URL.encodeToString(bytes);
    codes.put(code, new Grant(request, subject.strip(), roles, clock.instant().plus(CODE_TTL)));
    String separator = request.redirectUri().getRawQuery() == null ? "?" : "&";
    return URI.create(
        request.redirectUri()
            + separator
            + "code="
            + code
            + "&state="
            + java.net.URLEncoder.encode(request.state(), StandardCharsets.UTF_8));
  }

  /** Exchanges a code (once) with its verifier; the grant it was issued for. */
  Grant exchange(Map<String, String> p) throws Refused {
    if (!"authorization_code".equals(p.get("grant_type"))) {
      throw new Refused("unsupported_grant_type", "grant_type must be authorization_code");
    }
    String code = p.get("code");
    Grant grant = code == null ? null : codes.remove(code);
    if (grant == null || grant.expires().isBefore(clock.instant())) {
      throw new Refused("invalid_grant", "the code is unknown, used or expired");
    }
    if (!grant.request().redirectUri().toString().equals(p.get("redirect_uri"))
        || !grant.request().clientId().equals(p.get("client_id"))) {
      throw new Refused("invalid_grant", "redirect_uri or client_id differ from the request");
    }
    String verifier = p.get("code_verifier");
    if (verifier == null
        || !verifier.matches("[A-Za-z0-9._~-]{43,128}")
        || !challenge(verifier).equals(grant.request().codeChallenge())) {
      throw new Refused("invalid_grant", "code_verifier does not match the code_challenge");
    }
    return grant;
  }

  /** The S256 challenge of a verifier: BASE64URL(SHA-256(verifier)). */
  static String challenge(String verifier) {
    try {
      return B64URL.encodeToString(
          MessageDigest.getInstance("SHA-256")
              .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void expire() {
    Instant now = clock.instant();
    codes.values().removeIf(g -> g.expires().isBefore(now));
  }
}
