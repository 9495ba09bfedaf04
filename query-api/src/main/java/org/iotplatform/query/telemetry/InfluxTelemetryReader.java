package org.iotplatform.query.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBIOException;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.iotplatform.query.QueryApiProperties;
import org.iotplatform.web.ApiException;
import org.springframework.stereotype.Component;

/** Reads raw telemetry through InfluxDB's v1 query API. */
@Component
class InfluxTelemetryReader implements TelemetryReader {

  private static final double MAX_EXACT_INTEGER = 0x1p53;

  private final InfluxDB influxDb;
  private final QueryApiProperties.Influx influx;

  InfluxTelemetryReader(InfluxDB influxDb, QueryApiProperties properties) {
    this.influxDb = influxDb;
    this.influx = properties.influx();
  }

  @Override
  public List<TelemetryPoint> read(TelemetryQuery query) {
    String statement =
        TelemetryStatements.rawPoints(influx.database(), influx.retentionPolicy(), query);
    QueryResult result;
    try {
      result = influxDb.query(new Query(statement));
    } catch (InfluxDBIOException e) {
      // Refused, reset or timed out; the cause (logged, not answered) names the address.
      throw new ApiException(
          TelemetryError.STORE_UNAVAILABLE, "Telemetry cannot be read right now.", e);
    }
    return points(result);
  }

  /** The points of the first statement's result; its only series, as the query has no GROUP BY. */
  static List<TelemetryPoint> points(QueryResult result) {
    if (result.hasError()) {
      throw new IllegalStateException("InfluxDB rejected the query: " + result.getError());
    }
    if (result.getResults() == null || result.getResults().isEmpty()) {
      return List.of();
    }
    QueryResult.Result statement = result.getResults().get(0);
    if (statement.hasError()) {
      if (isNothingStoredYet(statement.getError())) {
        return List.of();
      }
      throw new IllegalStateException("InfluxDB rejected the query: " + statement.getError());
    }
    if (statement.getSeries() == null) {
      return List.of();
    }
    List<TelemetryPoint> points = new ArrayList<>();
    for (QueryResult.Series series : statement.getSeries()) {
      for (List<Object> row : series.getValues()) {
        Object value = row.get(1);
        if (value != null) {
          points.add(new TelemetryPoint(Instant.parse((String) row.get(0)), jsonValue(value)));
        }
      }
    }
    return points;
  }

  // The client reads every JSON number as a double; integers go back out as integers, as InfluxDB
  // wrote them.
  private static Object jsonValue(Object value) {
    if (value instanceof Double number
        && number == Math.rint(number)
        && Math.abs(number) <= MAX_EXACT_INTEGER) {
      return number.longValue();
    }
    return value;
  }

  // Before the first write, the database and its retention policies do not exist yet.
  private static boolean isNothingStoredYet(String error) {
    return error.startsWith("database not found") || error.startsWith("retention policy not found");
  }
}
