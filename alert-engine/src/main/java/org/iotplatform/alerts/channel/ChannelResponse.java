package org.iotplatform.alerts.channel;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A channel as the API shows it; {@code version} is also the ETag. {@code secret} is set only in
 * the answer that creates a webhook or rotates its secret: it is never shown again.
 */
public record ChannelResponse(
    String id,
    String name,
    ChannelKind kind,
    @Nullable URI url,
    List<String> recipients,
    @Nullable String secret,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
