package org.iotplatform.flink.latest;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.iotplatform.contracts.LatestValues;

/**
 * {@link LatestValueStore} on Lettuce. One script call per device compares and sets all its metrics
 * atomically on the server, so two writers (say, a task and its replacement after a failover) can
 * never move a value back in time. The calls of one batch are pipelined. Used from one thread.
 */
final class RedisLatestValueStore implements LatestValueStore {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  // ARGV: ts, field, value, ts, field, value, ... A stored value that is not JSON with a numeric
  // ts (written by hand, say) is replaced rather than blocking the field for ever.
  private static final String SET_IF_NEWER =
      """
      for i = 1, #ARGV, 3 do
        local ts = tonumber(ARGV[i])
        local current = redis.call('HGET', KEYS[1], ARGV[i + 1])
        local newer = true
        if current then
          local ok, decoded = pcall(cjson.decode, current)
          if ok and type(decoded) == 'table' and tonumber(decoded.ts) ~= nil
              and tonumber(decoded.ts) >= ts then
            newer = false
          end
        end
        if newer then
          redis.call('HSET', KEYS[1], ARGV[i + 1], ARGV[i + 2])
        end
      end
      return 0
      """;

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  RedisLatestValueStore(String redisUri) {
    client = RedisClient.create(redisUri);
    try {
      connection = client.connect();
    } catch (RuntimeException e) {
      client.shutdown();
      throw e;
    }
  }

  @Override
  public void write(Map<String, ? extends Collection<LatestValue>> values) {
    RedisAsyncCommands<String, String> commands = connection.async();
    List<RedisFuture<Long>> calls = new ArrayList<>(values.size());
    values.forEach(
        (deviceId, latest) -> {
          String[] args = new String[latest.size() * 3];
          int i = 0;
          for (LatestValue value : latest) {
            args[i++] = Long.toString(value.timestamp());
            args[i++] = value.metric();
            args[i++] = value.json();
          }
          calls.add(
              // EVAL rather than EVALSHA: Redis caches the compiled script either way, and EVAL
              // cannot fail with NOSCRIPT after a restart or SCRIPT FLUSH.
              commands.eval(
                  SET_IF_NEWER,
                  ScriptOutputType.INTEGER,
                  new String[] {LatestValues.key(deviceId)},
                  args));
        });
    for (RedisFuture<Long> call : calls) {
      try {
        call.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing latest values", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("cannot write latest values to Redis", e);
      }
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
