package org.iotplatform.query.influx;

import org.influxdb.InfluxDB;
import org.influxdb.dto.Pong;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Whether InfluxDB answers a ping; without it telemetry queries can only answer 503. The base class
 * turns a failed ping (InfluxDB down) into DOWN with the error as detail.
 */
@Component("influx")
class InfluxHealthIndicator extends AbstractHealthIndicator {

  private final InfluxDB influxDb;

  InfluxHealthIndicator(InfluxDB influxDb) {
    super("InfluxDB health check failed");
    this.influxDb = influxDb;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    Pong pong = influxDb.ping();
    (pong.isGood() ? health.up() : health.down()).withDetail("version", pong.getVersion());
  }
}
