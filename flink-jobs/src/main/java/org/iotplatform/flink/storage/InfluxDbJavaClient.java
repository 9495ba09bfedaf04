package org.iotplatform.flink.storage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link InfluxClient} on influxdb-java (InfluxDB v1 HTTP API). */
final class InfluxDbJavaClient implements InfluxClient {

  private static final Logger LOG = LoggerFactory.getLogger(InfluxDbJavaClient.class);

  private static final Pattern DROPPED = Pattern.compile("dropped=(\\d+)");

  private final InfluxDB influx;
  private final InfluxSinkOptions options;

  InfluxDbJavaClient(InfluxSinkOptions options) {
    this.options = options;
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .writeTimeout(Duration.ofSeconds(30));
    String username = options.username();
    this.influx =
        username == null
            ? InfluxDBFactory.connect(options.url(), http)
            : InfluxDBFactory.connect(options.url(), username, options.password(), http);
  }

  @Override
  public void createStorage() {
    execute("CREATE DATABASE " + identifier(options.database()));
    // Only when missing: operators may have changed the duration of an existing policy on purpose.
    if (!retentionPolicyExists()) {
      execute(
          "CREATE RETENTION POLICY "
              + identifier(options.retentionPolicy())
              + " ON "
              + identifier(options.database())
              + " DURATION "
              + options.retentionDuration()
              + " REPLICATION 1"
              + (options.defaultPolicy() ? " DEFAULT" : ""));
      LOG.info(
          "Created retention policy {} on {} keeping {}",
          options.retentionPolicy(),
          options.database(),
          options.retentionDuration());
    }
  }

  @Override
  public void write(List<String> lines) throws PointsRejectedException {
    try {
      influx.write(
          options.database(),
          options.retentionPolicy(),
          InfluxDB.ConsistencyLevel.ONE,
          TimeUnit.MILLISECONDS,
          lines);
    } catch (InfluxDBException e) {
      String message = String.valueOf(e.getMessage());
      if (isRejectionOfContent(e, message)) {
        throw new PointsRejectedException(message, dropped(message));
      }
      throw e;
    }
  }

  @Override
  public void close() {
    influx.close();
  }

  private boolean retentionPolicyExists() {
    QueryResult result = execute("SHOW RETENTION POLICIES ON " + identifier(options.database()));
    return result.getResults().stream()
        .filter(r -> r.getSeries() != null)
        .flatMap(r -> r.getSeries().stream())
        .flatMap(series -> series.getValues().stream())
        .anyMatch(row -> options.retentionPolicy().equals(row.get(0)));
  }

  private QueryResult execute(String command) {
    QueryResult result = influx.query(new Query(command, null, true));
    String error = result.getError();
    if (error == null && result.getResults() != null) {
      error =
          result.getResults().stream()
              .map(QueryResult.Result::getError)
              .filter(e -> e != null)
              .findFirst()
              .orElse(null);
    }
    if (error != null) {
      throw new InfluxDBException(command + ": " + error);
    }
    return result;
  }

  // InfluxDB 1.x answers 400 for points it cannot store and stores the rest of the batch.
  private static boolean isRejectionOfContent(InfluxDBException e, String message) {
    return e instanceof InfluxDBException.FieldTypeConflictException
        || e instanceof InfluxDBException.PointsBeyondRetentionPolicyException
        || e instanceof InfluxDBException.UnableToParseException
        || message.contains("partial write");
  }

  private static int dropped(String message) {
    Matcher matcher = DROPPED.matcher(message);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
  }

  private static String identifier(String name) {
    return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
