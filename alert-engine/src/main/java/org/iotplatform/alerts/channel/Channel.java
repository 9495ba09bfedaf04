package org.iotplatform.alerts.channel;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored channel, secret included. */
record Channel(
    UUID id,
    String tenantId,
    String name,
    ChannelKind kind,
    @Nullable URI url,
    @Nullable String secret,
    List<String> recipients,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  Channel {
    recipients = List.copyOf(recipients);
  }

  /** As the API shows it: the secret only when {@code showSecret}. */
  ChannelResponse toResponse(boolean showSecret) {
    return new ChannelResponse(
        id.toString(),
        name,
        kind,
        url,
        recipients,
        showSecret ? secret : null,
        version,
        createdAt,
        updatedAt);
  }
}
