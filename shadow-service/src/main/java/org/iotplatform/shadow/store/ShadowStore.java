package org.iotplatform.shadow.store;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iotplatform.shadow.document.ShadowDocument;

/**
 * Reads and writes shadows in Redis. Writes are optimistic: a {@link ShadowCommit} carries the
 * version it was computed from, and {@code commit.lua} stores it only if Redis still holds that
 * version, together with its history, index entries and outbox records. Thread-safe: one Lettuce
 * connection is shared, which pipelines the commands of concurrent callers.
 */
public class ShadowStore {

  private static final String SCRIPT = loadScript();

  private final RedisCommands<String, String> redis;
  private final int historyLength;
  private volatile String scriptSha;

  public ShadowStore(StatefulRedisConnection<String, String> connection, int historyLength) {
    this.redis = connection.sync();
    this.historyLength = historyLength;
    this.scriptSha = redis.scriptLoad(SCRIPT);
  }

  /** The shadow as stored now. */
  public StoredShadow read(ShadowKey key) {
    var fields = redis.hmget(RedisKeys.document(key), "version", "doc", "tenant");
    String version = fields.get(0).getValueOrElse(null);
    String doc = fields.get(1).getValueOrElse(null);
    String tenant = fields.get(2).getValueOrElse(null);
    if (doc != null) {
      return new StoredShadow(ShadowDocument.fromJson(doc), true, tenant);
    }
    long lastVersion = version == null ? 0 : Long.parseLong(version);
    return new StoredShadow(ShadowDocument.emptyAt(lastVersion), false, null);
  }

  /**
   * Writes {@code commit} if the shadow still has {@link ShadowCommit#expectedVersion()}.
   *
   * @return whether it was written; false when another change came first
   */
  public boolean commit(ShadowCommit commit) {
    ShadowKey key = commit.key();
    String[] keys = {
      RedisKeys.document(key),
      RedisKeys.history(key),
      RedisKeys.names(key.deviceId()),
      RedisKeys.OUTBOX
    };
    List<String> args = new ArrayList<>();
    args.add(Long.toString(commit.expectedVersion()));
    args.add(Long.toString(commit.newVersion()));
    args.add(commit.document() == null ? "" : commit.document().toJson());
    args.add(commit.tenantId());
    args.add(Integer.toString(historyLength));
    args.add(key.nameMember());
    args.add(key.member());
    args.add(Integer.toString(commit.removedIndexKeys().size()));
    args.add(Integer.toString(commit.addedIndexKeys().size()));
    args.add(Integer.toString(commit.outbox().size()));
    args.addAll(commit.removedIndexKeys());
    args.addAll(commit.addedIndexKeys());
    for (OutboxEntry entry : commit.outbox()) {
      args.add(entry.topic());
      args.add(entry.key());
      args.add(entry.value());
    }
    List<Object> result = evalCommit(keys, args.toArray(String[]::new));
    return ((Long) result.get(0)) == 1L;
  }

  private List<Object> evalCommit(String[] keys, String[] args) {
    try {
      return redis.evalsha(scriptSha, ScriptOutputType.MULTI, keys, args);
    } catch (RedisNoScriptException e) {
      // A restarted Redis has forgotten its scripts (they are not in the AOF).
      scriptSha = redis.scriptLoad(SCRIPT);
      return redis.evalsha(scriptSha, ScriptOutputType.MULTI, keys, args);
    }
  }

  /** The shadow's latest documents, newest first, at most {@code limit}. */
  public List<ShadowDocument> history(ShadowKey key, int limit) {
    return redis.lrange(RedisKeys.history(key), 0, limit - 1L).stream()
        .map(ShadowDocument::fromJson)
        .toList();
  }

  /** The device's existing shadows, the classic one first if it exists, then by name. */
  public List<ShadowKey> shadowsOf(String deviceId) {
    return redis.smembers(RedisKeys.names(deviceId)).stream()
        .sorted()
        .map(name -> new ShadowKey(deviceId, name.isEmpty() ? null : name))
        .toList();
  }

  /** The tenant the registry says owns {@code deviceId}; empty for a device it does not know. */
  public Optional<String> tenantOf(String deviceId) {
    return Optional.ofNullable(redis.hget(RedisKeys.DEVICES, deviceId));
  }

  /** Records the device's tenant from its registry snapshot. */
  public void putDevice(String deviceId, String tenantId) {
    redis.hset(RedisKeys.DEVICES, deviceId, tenantId);
  }

  /** Forgets a deleted device (its shadows are deleted by the caller first). */
  public void removeDevice(String deviceId) {
    redis.hdel(RedisKeys.DEVICES, deviceId);
  }

  private static String loadScript() {
    try (InputStream in = ShadowStore.class.getResourceAsStream("commit.lua")) {
      if (in == null) {
        throw new IllegalStateException("commit.lua is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
