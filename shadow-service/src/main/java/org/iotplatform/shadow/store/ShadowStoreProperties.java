package org.iotplatform.shadow.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how shadows are stored.
 *
 * @param redisUri the Redis server, for example {@code redis://127.0.0.1:16379}; run it with AOF
 *     ({@code appendonly yes}) so an acknowledged change survives a restart
 * @param historyLength how many of a shadow's latest documents its history keeps
 * @param commandTimeout how long a Redis command may take before the request fails
 * @param relayTakeoverAfter how long outbox records read by a relay stay unacknowledged before
 *     another relay takes them over (a crashed instance's); longer than {@code commandTimeout}
 */
@ConfigurationProperties("iot.shadow.store")
public record ShadowStoreProperties(
    @DefaultValue("redis://127.0.0.1:16379") String redisUri,
    @DefaultValue("20") int historyLength,
    @DefaultValue("5s") Duration commandTimeout,
    @DefaultValue("30s") Duration relayTakeoverAfter) {

  public ShadowStoreProperties {
    if (historyLength < 1) {
      throw new IllegalArgumentException("history-length must be at least 1, not " + historyLength);
    }
  }
}
