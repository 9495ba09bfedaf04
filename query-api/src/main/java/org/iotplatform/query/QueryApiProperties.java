package org.iotplatform.query;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.iotplatform.contracts.InfluxSchema;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the query API ({@code iot.query.*}).
 *
 * @param influx where telemetry is read from
 * @param telemetry limits of telemetry queries
 */
@Validated
@ConfigurationProperties("iot.query")
public record QueryApiProperties(
    @DefaultValue @Valid Influx influx, @DefaultValue @Valid Telemetry telemetry) {

  /**
   * The InfluxDB server, spoken to through its v1 HTTP API.
   *
   * @param url base URL of the HTTP API
   * @param database database holding the telemetry
   * @param retentionPolicy retention policy of raw points
   * @param username user to authenticate as; absent when the server has authentication disabled
   * @param password the user's password; absent when the server has authentication disabled
   * @param connectTimeout how long to wait for a connection before answering 503
   * @param readTimeout how long one query may take before answering 503
   */
  public record Influx(
      @DefaultValue("http://127.0.0.1:18086") URI url,
      @DefaultValue(InfluxSchema.DATABASE) @NotBlank String database,
      @DefaultValue(InfluxSchema.RAW_RETENTION_POLICY) @NotBlank String retentionPolicy,
      @Nullable String username,
      @Nullable String password,
      @DefaultValue("2s") Duration connectTimeout,
      @DefaultValue("10s") Duration readTimeout) {}

  /**
   * Limits that keep one telemetry query cheap for InfluxDB and for this service's heap.
   *
   * @param maxRange widest span between {@code from} and {@code to} that one query may ask for
   * @param defaultLimit most points returned when the caller gives no {@code limit}
   * @param maxLimit largest {@code limit} a caller may ask for
   */
  public record Telemetry(
      @DefaultValue("31d") Duration maxRange,
      @DefaultValue("1000") @Positive int defaultLimit,
      @DefaultValue("10000") @Positive int maxLimit) {

    public Telemetry {
      if (defaultLimit > maxLimit) {
        throw new IllegalArgumentException(
            "iot.query.telemetry.default-limit ("
                + defaultLimit
                + ") exceeds max-limit ("
                + maxLimit
                + ")");
      }
    }
  }
}
