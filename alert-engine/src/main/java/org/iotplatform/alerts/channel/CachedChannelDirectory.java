package org.iotplatform.alerts.channel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.iotplatform.alerts.ChannelDirectory;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The rules' channels from PostgreSQL, kept in memory per rule for {@link
 * ChannelProperties#cacheTtl()}; a change on this instance evicts after it commits. A plain map
 * rather than a cache library: the service has none, and entries are few and small.
 */
class CachedChannelDirectory implements ChannelDirectory {

  private record Key(String tenantId, String ruleId) {}

  private record Entry(List<ChannelTarget> targets, long loadedAtNanos) {}

  private final ChannelRepository channels;
  private final Duration ttl;
  private final int maxEntries;
  private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

  CachedChannelDirectory(ChannelRepository channels, ChannelProperties properties) {
    this.channels = channels;
    this.ttl = properties.cacheTtl();
    this.maxEntries = properties.cacheMaxEntries();
  }

  @Override
  public List<ChannelTarget> channelsOf(String tenantId, String ruleId) {
    Key key = new Key(tenantId, ruleId);
    Entry entry = cache.get(key);
    long now = System.nanoTime();
    if (entry != null && now - entry.loadedAtNanos() < ttl.toNanos()) {
      return entry.targets();
    }
    List<ChannelTarget> targets = load(tenantId, ruleId);
    if (cache.size() >= maxEntries) {
      cache.clear();
    }
    cache.put(key, new Entry(targets, now));
    return targets;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void onChange(RuleChannelsChanged change) {
    String ruleId = change.ruleId();
    if (ruleId == null) {
      cache.keySet().removeIf(key -> key.tenantId().equals(change.tenantId()));
    } else {
      cache.remove(new Key(change.tenantId(), ruleId));
    }
  }

  private List<ChannelTarget> load(String tenantId, String ruleId) {
    UUID rule = ChannelManagement.uuid(ruleId);
    if (rule == null) {
      return List.of();
    }
    return channels.ofRule(tenantId, rule).stream()
        .map(
            channel ->
                new ChannelTarget(
                    channel.id().toString(),
                    channel.name(),
                    channel.kind().name(),
                    channel.url(),
                    channel.secret(),
                    channel.recipients()))
        .toList();
  }
}
