package org.iotplatform.flink.latest;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.Map;
import org.iotplatform.contracts.LatestValues;
import org.iotplatform.servers.RedisServer;
import org.iotplatform.testsupport.RedisExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store against the real Redis of test-support. */
@ExtendWith(RedisExtension.class)
class RedisLatestValueStoreIT {

  private RedisLatestValueStore underTest;
  private RedisClient client;
  private StatefulRedisConnection<String, String> redis;

  @BeforeEach
  void connect(RedisServer server) {
    underTest = new RedisLatestValueStore(server.uri());
    client = RedisClient.create(server.uri());
    redis = client.connect();
  }

  @AfterEach
  void close() {
    underTest.close();
    redis.close();
    client.shutdown();
  }

  @Test
  void storesEachMetricInTheDevicesHash() {
    underTest.write(
        Map.of(
            "d-1", List.of(value("t", 10, "21.5"), value("mode", 10, "\"eco\"")),
            "d-2", List.of(value("t", 5, "3.0"))));

    assertThat(redis.sync().hgetall(LatestValues.key("d-1")))
        .isEqualTo(Map.of("t", json(10, "21.5"), "mode", json(10, "\"eco\"")));
    assertThat(redis.sync().hgetall("latest:d-2")).isEqualTo(Map.of("t", json(5, "3.0")));
  }

  @Test
  void onlyMovesForwardInTime() {
    underTest.write(Map.of("d-1", List.of(value("t", 10, "1.0"), value("h", 10, "50.0"))));

    underTest.write(Map.of("d-1", List.of(value("t", 9, "0.0"), value("h", 11, "51.0"))));
    underTest.write(Map.of("d-1", List.of(value("t", 10, "2.0"))));

    assertThat(redis.sync().hgetall(LatestValues.key("d-1")))
        .isEqualTo(Map.of("t", json(10, "1.0"), "h", json(11, "51.0")));
  }

  @Test
  void replacesAStoredValueThatIsNotJson() {
    redis.sync().hset(LatestValues.key("d-1"), "t", "garbage");

    underTest.write(Map.of("d-1", List.of(value("t", 1, "1.0"))));

    assertThat(redis.sync().hget(LatestValues.key("d-1"), "t")).isEqualTo(json(1, "1.0"));
  }

  private static LatestValue value(String metric, long ts, String value) {
    return new LatestValue(metric, ts, json(ts, value));
  }

  private static String json(long ts, String value) {
    return "{\"ts\":" + ts + ",\"value\":" + value + ",\"tenantId\":\"acme\"}";
  }
}
