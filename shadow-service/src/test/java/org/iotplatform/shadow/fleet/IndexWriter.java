package org.iotplatform.shadow.fleet;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotplatform.shadow.store.ShadowKey;

/**
 * Applies {@link IndexChanges} to Redis for tests and the benchmark, as the store's update script
 * does ({@code ZREM key member}, {@code ZADD key 0 member}) but pipelined and not atomic with any
 * document write. Not thread-safe.
 */
final class IndexWriter {

  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final int MAX_IN_FLIGHT = 10_000;

  private final RedisAsyncCommands<String, String> redis;
  private final List<RedisFuture<?>> inFlight = new ArrayList<>();

  IndexWriter(StatefulRedisConnection<String, String> connection) {
    this.redis = connection.async();
  }

  /** Sends the commands without waiting for them; {@link #await()} does. */
  IndexWriter write(ShadowKey shadow, IndexChanges changes) {
    String member = shadow.member();
    for (String key : changes.removedKeys()) {
      inFlight.add(redis.zrem(key, member));
    }
    for (String key : changes.addedKeys()) {
      inFlight.add(redis.zadd(key, 0, member));
    }
    if (inFlight.size() >= MAX_IN_FLIGHT) {
      await();
    }
    return this;
  }

  /** Waits until Redis has applied every change written so far. */
  void await() {
    if (!LettuceFutures.awaitAll(TIMEOUT, inFlight.toArray(RedisFuture[]::new))) {
      throw new IllegalStateException("Redis did not apply the index changes in " + TIMEOUT);
    }
    inFlight.clear();
  }
}
