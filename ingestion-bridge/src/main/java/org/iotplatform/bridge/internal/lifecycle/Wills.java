package org.iotplatform.bridge.internal.lifecycle;

import com.hivemq.extension.sdk.api.interceptor.connect.ConnectInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.connect.parameter.ConnectInboundInput;
import com.hivemq.extension.sdk.api.interceptor.connect.parameter.ConnectInboundOutput;
import com.hivemq.extension.sdk.api.packets.connect.WillPublishPacket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.iotplatform.contracts.DeviceTopic;

/**
 * The last will of each connected device, as its CONNECT carried it, so that the bridge can forward
 * it when the broker publishes it: HiveMQ publishes a will itself, past the publish interceptor
 * that forwards everything else. One entry per connected device with a will, removed when its
 * connection ends; a will larger than {@code maxPayloadBytes} is not kept (the bridge would refuse
 * it as a publish too).
 *
 * <p>MQTT 5's will delay: the broker publishes a will only after the earlier of its delay and the
 * session's expiry, and not at all if the device connects again before; {@link #later} holds such a
 * will for as long, and a new CONNECT of the device cancels it. Thread-safe.
 */
public final class Wills implements ConnectInboundInterceptor {

  /**
   * A device's will: where it goes, what it says, and how long after the connection ended the
   * broker publishes it (the will delay, at most the session expiry; 0: at once).
   */
  public record Will(String topic, byte[] payload, long delaySeconds) {}

  private final Map<String, Will> byClient = new ConcurrentHashMap<>();
  private final Map<String, ScheduledFuture<?>> delayed = new ConcurrentHashMap<>();
  private final int maxPayloadBytes;
  private final ScheduledExecutorService scheduler;

  /**
   * @param scheduler runs the forwarding of delayed wills
   */
  public Wills(int maxPayloadBytes, ScheduledExecutorService scheduler) {
    this.maxPayloadBytes = maxPayloadBytes;
    this.scheduler = scheduler;
  }

  @Override
  public void onConnect(ConnectInboundInput input, ConnectInboundOutput output) {
    String clientId = input.getClientInformation().getClientId();
    cancelDelayed(clientId);
    Optional<WillPublishPacket> will = input.getConnectPacket().getWillPublish();
    if (will.isPresent() && DeviceTopic.isValidDeviceId(clientId)) {
      long delay =
          Math.min(will.get().getWillDelay(), input.getConnectPacket().getSessionExpiryInterval());
      remember(clientId, will.get().getTopic(), will.get().getPayload(), delay);
    } else {
      byClient.remove(clientId);
    }
  }

  void remember(String clientId, String topic, Optional<ByteBuffer> payload, long delaySeconds) {
    int size = payload.map(ByteBuffer::remaining).orElse(0);
    if (size > maxPayloadBytes) {
      byClient.remove(clientId);
      return;
    }
    byte[] bytes = new byte[size];
    // The broker's buffer is shared and read-only: copy through a duplicate.
    payload.ifPresent(buffer -> buffer.duplicate().get(bytes));
    byClient.put(clientId, new Will(topic, bytes, Math.max(0, delaySeconds)));
  }

  /** Removes and returns the will of {@code clientId}'s connection, if it had one. */
  public Optional<Will> take(String clientId) {
    return Optional.ofNullable(byClient.remove(clientId));
  }

  /**
   * Runs {@code forward} after {@code will}'s delay, unless {@code clientId} connects again before.
   */
  public void later(String clientId, Will will, Runnable forward) {
    ScheduledFuture<?> scheduled =
        scheduler.schedule(
            () -> {
              delayed.remove(clientId);
              forward.run();
            },
            will.delaySeconds(),
            TimeUnit.SECONDS);
    ScheduledFuture<?> previous = delayed.put(clientId, scheduled);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  /** The device is back before its delayed will was due: the broker does not publish it. */
  void cancelDelayed(String clientId) {
    ScheduledFuture<?> pending = delayed.remove(clientId);
    if (pending != null) {
      pending.cancel(false);
    }
  }

  /** How many delayed wills wait to be forwarded. */
  public int delayedCount() {
    return delayed.size();
  }

  /** How many wills are kept: one per connected device that has one. */
  public int size() {
    return byClient.size();
  }
}
