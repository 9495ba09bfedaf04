package org.iotplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.iotplatform.servers.FreePorts;
import org.iotplatform.servers.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class PostgresServerIT {

  @Test
  void answersASelectOverJdbc(PostgresServer underTest) throws SQLException {
    try (Connection connection = underTest.connect(TestServers.POSTGRES_DATABASE)) {
      assertThat(queryLong(connection, "SELECT 41 + 1")).isEqualTo(42);
    }
    assertThat(TestServers.postgresJdbcUrl())
        .isEqualTo("jdbc:postgresql://127.0.0.1:" + underTest.port() + "/test");
  }

  @Test
  void createsDatabasesIdempotently(PostgresServer underTest) throws SQLException {
    underTest.createDatabase("twice");
    underTest.createDatabase("twice");

    try (Connection connection = underTest.connect("twice")) {
      assertThat(queryLong(connection, "SELECT 1")).isEqualTo(1);
    }
  }

  @Test
  void truncateAllTablesEmptiesAllButTheKeptTables(PostgresServer underTest) throws SQLException {
    underTest.createDatabase("truncated");
    try (Connection connection = underTest.connect("truncated");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE devices (id text PRIMARY KEY)");
      statement.execute("CREATE TABLE flyway_schema_history (version text)");
      statement.execute("INSERT INTO devices VALUES ('d1')");
      statement.execute("INSERT INTO flyway_schema_history VALUES ('1')");

      underTest.truncateAllTables("truncated", Set.of("flyway_schema_history"));

      assertThat(queryLong(connection, "SELECT count(*) FROM devices")).isZero();
      assertThat(queryLong(connection, "SELECT count(*) FROM flyway_schema_history")).isOne();
    }
  }

  @Test
  void keepsDataAcrossARestartWithADataDirectory(@TempDir Path dataDir) throws SQLException {
    int port = FreePorts.pick();
    try (PostgresServer underTest = PostgresServer.start(port, dataDir)) {
      underTest.createDatabase("kept");
      try (Connection connection = underTest.connect("kept");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE tenants (id text)");
        statement.execute("INSERT INTO tenants VALUES ('default')");
      }
    }

    try (PostgresServer underTest = PostgresServer.start(port, dataDir);
        Connection connection = underTest.connect("kept")) {
      assertThat(queryLong(connection, "SELECT count(*) FROM tenants")).isOne();
    }
  }

  @Test
  void syncsAcknowledgedCommitsToDiskWhenDataIsKept(@TempDir Path dataDir) throws SQLException {
    try (PostgresServer underTest = PostgresServer.start(0, dataDir);
        Connection connection = underTest.connect("postgres")) {
      assertThat(queryString(connection, "SHOW fsync")).isEqualTo("on");
      assertThat(queryString(connection, "SHOW synchronous_commit")).isEqualTo("on");
    }
  }

  private static String queryString(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }

  private static long queryLong(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
