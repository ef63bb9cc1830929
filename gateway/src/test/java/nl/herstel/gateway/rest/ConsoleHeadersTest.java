package nl.herstel.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleHeadersTest {
  @Test
  void theConsoleMayConnectOnlyToItsOwnOriginAndTheTokenEndpoint() {
    assertThat(ConsoleHeaders.policy(Optional.of("http://localhost:8089/token")))
        .contains("connect-src 'self' http://localhost:8089;")
        .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
        .doesNotContain("unsafe");
    assertThat(ConsoleHeaders.policy(Optional.of("https://sso.example.nl/realms/x/token")))
        .contains("connect-src 'self' https://sso.example.nl;");
  }

  @Test
  void withoutATokenEndpointOnlyItsOwnOrigin() {
    assertThat(ConsoleHeaders.policy(Optional.empty())).contains("connect-src 'self';");
    assertThat(ConsoleHeaders.policy(Optional.of("not a url"))).contains("connect-src 'self';");
  }
}
