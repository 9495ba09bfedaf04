package org.iotplatform.servers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * InfluxDB 1.x ({@code influxd} of the Debian package {@code influxdb}) as a child process; it
 * serves the v1 HTTP API only.
 *
 * <p>It runs with a configuration generated into its directory ({@code influxdb.conf}, with {@code
 * meta/}, {@code data/} and {@code wal/} beside it): HTTP and the backup RPC service (which would
 * take port 8088) bound to 127.0.0.1, usage reporting and the {@code _internal} monitor database
 * off, logging at warn. Its output goes to {@code influxd.log} in that directory.
 */
public final class InfluxServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InfluxServer.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final ChildProcess process;
  private final int port;
  private final HttpClient http;
  private final AtomicBoolean closed = new AtomicBoolean();

  private InfluxServer(ChildProcess process, int port, HttpClient http) {
    this.process = process;
    this.port = port;
    this.http = http;
  }

  /**
   * Starts {@code influxd} on {@code port} (0 = a free port). With a {@code dataDir}, the data
   * survives a restart; without, it lives in a temporary directory deleted on close.
   */
  public static InfluxServer start(int port, @Nullable Path dataDir) {
    Path binary = OsPackages.influxd();
    return FreePorts.startOnFreePort(port, p -> startOn(binary, p, dataDir));
  }

  private static InfluxServer startOn(Path binary, int port, @Nullable Path dataDir) {
    FreePorts.requireFree(port, "InfluxDB");
    WorkDir workDir = WorkDir.of(dataDir, "influxdb");
    try {
      Path config = workDir.path().resolve("influxdb.conf");
      Files.writeString(config, config(workDir.path(), port, FreePorts.pick()));
      ChildProcess process =
          ChildProcess.start(
              "InfluxDB",
              List.of(binary.toString(), "run", "-config", config.toString()),
              workDir,
              "influxd.log",
              "INFLUXDB_");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      InfluxServer server = new InfluxServer(process, port, http);
      process.awaitReady(START_TIMEOUT, server::answersPing);
      LOG.info("InfluxDB listening on {}, data in {}", server.url(), workDir.path());
      return server;
    } catch (IOException e) {
      workDir.close();
      throw new ServerStartException("InfluxDB cannot write its configuration", e);
    } catch (RuntimeException e) {
      workDir.close();
      throw e;
    }
  }

  /** {@code http://127.0.0.1:port}, the base of the v1 HTTP API. */
  public String url() {
    return "http://" + FreePorts.LOOPBACK + ":" + port;
  }

  public int port() {
    return port;
  }

  /**
   * Runs InfluxQL statements (separated by semicolons) and returns the server's JSON answer. Throws
   * when the server reports an error for any of them.
   */
  public String query(String influxQl) {
    return query("", influxQl);
  }

  /**
   * Runs InfluxQL statements against {@code database} (for statements without an {@code ON} clause,
   * such as {@code DROP SERIES} in InfluxDB 1.6) and returns the server's JSON answer.
   */
  public String query(String database, String influxQl) {
    HttpResponse<String> response = post(database, influxQl, "application/json");
    // Errors of single statements come with status 200 and an "error" member.
    if (response.statusCode() != 200 || response.body().contains("\"error\"")) {
      throw new IllegalStateException(
          "InfluxDB query failed ("
              + response.statusCode()
              + "): "
              + influxQl
              + " -> "
              + response.body());
    }
    return response.body();
  }

  /**
   * Runs one InfluxQL query and returns the answer as CSV: a header line, then one line per row.
   * Use {@link #query} when errors matter: the CSV answer leaves out a failed statement's error.
   */
  public List<String> queryCsv(String influxQl) {
    HttpResponse<String> response = post("", influxQl, "application/csv");
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "InfluxDB query failed ("
              + response.statusCode()
              + "): "
              + influxQl
              + " -> "
              + response.body());
    }
    return response.body().lines().toList();
  }

  /** Writes points in line protocol, timestamps in milliseconds. */
  public void write(String database, String lineProtocol) {
    String query = "?db=" + URLEncoder.encode(database, StandardCharsets.UTF_8) + "&precision=ms";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + "/write" + query))
            .timeout(REQUEST_TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofString(lineProtocol))
            .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 204) {
      throw new IllegalStateException(
          "InfluxDB write failed (" + response.statusCode() + "): " + response.body());
    }
  }

  /** The names of all databases. */
  public List<String> databases() {
    // A header line "name,tags,name", then "databases,,<name>" per database.
    return queryCsv("SHOW DATABASES").stream()
        .skip(1)
        .map(line -> line.substring(line.lastIndexOf(',') + 1))
        .filter(name -> !name.isEmpty())
        .toList();
  }

  /** Creates a database unless it exists (InfluxDB's CREATE DATABASE is idempotent). */
  public void createDatabase(String name) {
    query("CREATE DATABASE " + quote(name));
  }

  /** Drops every database, with its retention policies and continuous queries. */
  public void dropAllDatabases() {
    for (String name : databases()) {
      query("DROP DATABASE " + quote(name));
    }
  }

  /**
   * Deletes every point of every database but keeps the databases, their retention policies and
   * continuous queries, so that an application that created them keeps working.
   */
  public void deleteAllData() {
    for (String name : databases()) {
      query(name, "DROP SERIES FROM /.*/");
    }
  }

  /** Stops {@code influxd} and deletes a temporary data directory. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      process.close();
    }
  }

  private boolean answersPing() {
    try {
      HttpRequest ping =
          HttpRequest.newBuilder(URI.create(url() + "/ping"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpResponse<String> post(String database, String influxQl, String accept) {
    String body = "q=" + URLEncoder.encode(influxQl, StandardCharsets.UTF_8);
    if (!database.isEmpty()) {
      body += "&db=" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }
    return send(
        HttpRequest.newBuilder(URI.create(url() + "/query"))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("InfluxDB at " + url() + " does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while talking to InfluxDB", e);
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String config(Path dir, int httpPort, int rpcPort) {
    String home = dir.toString().replace("\\", "/");
    return String.join(
        "\n",
        Arrays.asList(
            "reporting-disabled = true",
            "bind-address = \"127.0.0.1:" + rpcPort + "\"",
            "",
            "[meta]",
            "  dir = \"" + home + "/meta\"",
            "  logging-enabled = false",
            "",
            "[data]",
            "  dir = \"" + home + "/data\"",
            "  wal-dir = \"" + home + "/wal\"",
            "  query-log-enabled = false",
            "",
            "[monitor]",
            "  store-enabled = false",
            "",
            "[subscriber]",
            "  enabled = false",
            "",
            "[http]",
            "  enabled = true",
            "  bind-address = \"127.0.0.1:" + httpPort + "\"",
            "  auth-enabled = false",
            "  log-enabled = false",
            "  pprof-enabled = false",
            "",
            "[continuous_queries]",
            "  log-enabled = false",
            "",
            "[logging]",
            "  level = \"warn\"",
            "  suppress-logo = true",
            ""));
  }
}
