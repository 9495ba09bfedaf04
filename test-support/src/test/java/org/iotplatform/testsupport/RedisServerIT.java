package org.iotplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.util.function.Function;
import org.iotplatform.servers.FreePorts;
import org.iotplatform.servers.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RedisExtension.class)
class RedisServerIT {

  @Test
  void answersAGetWithTheValueSet(RedisServer underTest) {
    String value =
        withRedis(
            underTest,
            redis -> {
              redis.sync().set("shadow:d1", "{\"version\":1}");
              return redis.sync().get("shadow:d1");
            });

    assertThat(value).isEqualTo("{\"version\":1}");
  }

  @Test
  void flushAllDeletesEveryKey(RedisServer underTest) {
    withRedis(underTest, redis -> redis.sync().set("flushed", "x"));

    underTest.flushAll();

    Long keys = withRedis(underTest, redis -> redis.sync().dbsize());
    assertThat(keys).isZero();
  }

  @Test
  void keepsDataAcrossARestartWithADataDirectory(@TempDir Path dataDir) {
    int port = FreePorts.pick();
    try (RedisServer underTest = RedisServer.start(port, dataDir)) {
      withRedis(underTest, redis -> redis.sync().set("kept", "before restart"));
    }

    try (RedisServer underTest = RedisServer.start(port, dataDir)) {
      String value = withRedis(underTest, redis -> redis.sync().get("kept"));
      assertThat(value).isEqualTo("before restart");
    }
  }

  private static <T> T withRedis(
      RedisServer server, Function<StatefulRedisConnection<String, String>, T> action) {
    RedisClient client = RedisClient.create(server.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return action.apply(connection);
    } finally {
      client.shutdown();
    }
  }
}
