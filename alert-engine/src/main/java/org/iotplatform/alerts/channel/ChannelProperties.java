package org.iotplatform.alerts.channel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the channel directory's cache, under {@code iot.alerts.channels}.
 *
 * @param cacheTtl how long a rule's channels are served from memory; a change on this instance
 *     evicts them at once, this bounds how long another instance's change takes to show
 * @param cacheMaxEntries most rules whose channels are kept; past it the cache starts again empty
 */
@ConfigurationProperties("iot.alerts.channels")
public record ChannelProperties(
    @DefaultValue("30s") Duration cacheTtl, @DefaultValue("10000") int cacheMaxEntries) {}
