package org.iotplatform.bridge.internal.downlink;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.PayloadFormatIndicator;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.publish.Publish;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import com.hivemq.extension.sdk.api.services.publish.PublishToClientResult;
import com.hivemq.extension.sdk.api.services.publish.RetainedMessageStore;
import com.hivemq.extension.sdk.api.services.publish.RetainedPublish;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.iotplatform.contracts.DownlinkMessage;
import org.jspecify.annotations.Nullable;

/**
 * Delivers through the broker's extension services: {@code publishToClient} when this node holds
 * the device's session (connected, or persisted offline, where HiveMQ queues a QoS 1 message until
 * the device returns or the message expires).
 *
 * <p>A retained message is stored on every node, whether or not it holds the device, because the
 * device may subscribe on any node later; {@code publishToClient} itself ignores the retain flag.
 *
 * <p>The services are this node's, passed in at start: {@code Services} is static, and two brokers
 * in one JVM (the two-node test) would otherwise share the last one started. {@code Builders} is
 * static too, but its builders only check a message against the broker's limits, which are the same
 * on every node.
 */
final class BrokerDelivery implements DeviceDelivery {

  private static final long MAX_EXPIRY_SECONDS = 0xFFFF_FFFFL;

  private final ClientService clients;
  private final PublishService publishes;
  private final RetainedMessageStore retained;

  BrokerDelivery(ClientService clients, PublishService publishes, RetainedMessageStore retained) {
    this.clients = clients;
    this.publishes = publishes;
    this.retained = retained;
  }

  @Override
  public CompletableFuture<Outcome> deliver(
      String deviceId, DownlinkMessage message, @Nullable Duration expiry) {
    // Built first, so that a message the broker cannot take throws here and is not retried.
    Publish publish = publish(message, expiry);
    CompletableFuture<Void> stored =
        message.retain() ? retain(message, expiry) : CompletableFuture.completedFuture(null);
    return stored
        .thenCompose(done -> clients.getSession(deviceId))
        .thenCompose(
            session ->
                session.isEmpty()
                    ? CompletableFuture.completedFuture(Outcome.NOT_HERE)
                    : publishes
                        .publishToClient(publish, deviceId)
                        .thenApply(
                            result ->
                                result == PublishToClientResult.SUCCESSFUL
                                    ? Outcome.DELIVERED
                                    : Outcome.NOT_SUBSCRIBED));
  }

  private CompletableFuture<Void> retain(DownlinkMessage message, @Nullable Duration expiry) {
    if (message.payload().isEmpty()) {
      return retained.remove(message.topic()); // as an empty retained PUBLISH does in MQTT
    }
    var builder =
        Builders.retainedPublish()
            .topic(message.topic())
            .qos(Qos.valueOf(message.qos()))
            .payloadFormatIndicator(PayloadFormatIndicator.UTF_8)
            .payload(payload(message));
    if (expiry != null) {
      builder.messageExpiryInterval(seconds(expiry));
    }
    RetainedPublish publish = builder.build();
    return retained.addOrReplace(publish);
  }

  private static Publish publish(DownlinkMessage message, @Nullable Duration expiry) {
    var builder =
        Builders.publish()
            .topic(message.topic())
            .qos(Qos.valueOf(message.qos()))
            .payloadFormatIndicator(PayloadFormatIndicator.UTF_8)
            .payload(payload(message));
    if (expiry != null) {
      builder.messageExpiryInterval(seconds(expiry));
    }
    return builder.build();
  }

  private static ByteBuffer payload(DownlinkMessage message) {
    return ByteBuffer.wrap(message.payload().getBytes(UTF_8));
  }

  /**
   * MQTT counts expiry in whole seconds, at most an unsigned 32-bit number of them; rounding up
   * never makes a live message expire early.
   */
  static long seconds(Duration expiry) {
    long seconds = expiry.getSeconds() + (expiry.getNano() > 0 ? 1 : 0);
    return Math.min(MAX_EXPIRY_SECONDS, Math.max(1, seconds));
  }
}
