package nl.herstel.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The authentication scheme reaches a service in the one spelling its token check knows. */
class ProxySchemeTest {

  @Test
  void anySpellingOfBearerBecomesBearer() {
    assertThat(Proxy.canonicalScheme("bearer abc.def")).isEqualTo("Bearer abc.def");
    assertThat(Proxy.canonicalScheme("BEARER   abc.def")).isEqualTo("Bearer abc.def");
    assertThat(Proxy.canonicalScheme("Bearer abc.def")).isEqualTo("Bearer abc.def");
  }

  @Test
  void otherSchemesAndShortValuesPassAsTheyAre() {
    assertThat(Proxy.canonicalScheme("Basic dXNlcjpwdw==")).isEqualTo("Basic dXNlcjpwdw==");
    assertThat(Proxy.canonicalScheme("bearer")).isEqualTo("bearer");
    assertThat(Proxy.canonicalScheme("bearerx abc")).isEqualTo("bearerx abc");
  }
}
