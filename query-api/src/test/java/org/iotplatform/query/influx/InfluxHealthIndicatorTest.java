package org.iotplatform.query.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class InfluxHealthIndicatorTest {

  @Test
  void isDownWhenInfluxDbCannotBeReached() throws IOException {
    try (InfluxDB influxDb = InfluxDBFactory.connect(closedLoopbackPort())) {
      InfluxHealthIndicator underTest = new InfluxHealthIndicator(influxDb);

      Health health = underTest.health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsKey("error");
    }
  }

  private static String closedLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }
}
