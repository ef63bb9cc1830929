package nl.herstel.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures say the database is away (retry, 503) and which say the request is wrong. */
class OutagesTest {

  @Test
  void aPoolThatCannotConnectIsAnOutageWhereverItIsWrapped() {
    var timeout = new SQLTransientConnectionException("herstel - Connection is not available");
    assertThat(Outages.isDatabaseUnavailable(new DataAccessException("Could not", timeout)))
        .isTrue();
    assertThat(
            Outages.isDatabaseUnavailable(
                new IllegalStateException(new DataAccessException("x", timeout))))
        .isTrue();
  }

  @Test
  void connectionStatesAndShutdownAreOutages() {
    assertThat(Outages.isDatabaseUnavailable(new SQLException("refused", "08001"))).isTrue();
    assertThat(Outages.isDatabaseUnavailable(new SQLException("terminating", "57P01"))).isTrue();
    assertThat(Outages.isDatabaseUnavailable(new SQLException("too many", "53300"))).isTrue();
    assertThat(Outages.isDatabaseUnavailable(new RuntimeException(new ConnectException())))
        .isTrue();
  }

  @Test
  void aBrokenRuleOrBadDataIsNot() {
    assertThat(Outages.isDatabaseUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(Outages.isDatabaseUnavailable(new SQLException("value too long", "22001")))
        .isFalse();
    assertThat(Outages.isDatabaseUnavailable(new IllegalArgumentException("bad"))).isFalse();
    assertThat(Outages.isTransient(new SQLException("too long", "22001"))).isFalse();
  }

  @Test
  void aLostRaceIsTransientButNotAnOutage() {
    SQLException serialization = new SQLException("could not serialize", "40001");
    assertThat(Outages.isDatabaseUnavailable(serialization)).isFalse();
    assertThat(Outages.isTransient(new DataAccessException("x", serialization))).isTrue();
    assertThat(Outages.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
  }
}
