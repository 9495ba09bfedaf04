package org.iotplatform.alerts.notification;

import java.time.Instant;
import java.util.UUID;
import org.iotplatform.alerts.ChannelDirectory.ChannelTarget;

/**
 * A message claimed for one attempt to one channel.
 *
 * @param attempts the attempts made before this one
 * @param firstEventAt when the oldest notification it carries was written, for the latency
 */
record Delivery(
    UUID id,
    ChannelTarget target,
    NotificationMessage message,
    int attempts,
    Instant firstEventAt) {}
