package org.iotplatform.bridge.internal.lifecycle;

import com.hivemq.extension.sdk.api.interceptor.connect.ConnectInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.connect.parameter.ConnectInboundInput;
import com.hivemq.extension.sdk.api.interceptor.connect.parameter.ConnectInboundOutput;
import com.hivemq.extension.sdk.api.packets.connect.WillPublishPacket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.iotplatform.contracts.DeviceTopic;

/**
 * The last will of each connected device, as its CONNECT carried it, so that the bridge can forward
 * it when the broker publishes it: HiveMQ publishes a will itself, past the publish interceptor
 * that forwards everything else. One entry per connected device with a will, removed when its
 * connection ends; a will larger than {@code maxPayloadBytes} is not kept (the bridge would refuse
 * it as a publish too). Thread-safe.
 */
public final class Wills implements ConnectInboundInterceptor {

  /** A device's will: where it goes and what it says. */
  public record Will(String topic, byte[] payload) {}

  private final Map<String, Will> byClient = new ConcurrentHashMap<>();
  private final int maxPayloadBytes;

  public Wills(int maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  @Override
  public void onConnect(ConnectInboundInput input, ConnectInboundOutput output) {
    String clientId = input.getClientInformation().getClientId();
    Optional<WillPublishPacket> will = input.getConnectPacket().getWillPublish();
    if (will.isPresent() && DeviceTopic.isValidDeviceId(clientId)) {
      remember(clientId, will.get().getTopic(), will.get().getPayload());
    } else {
      byClient.remove(clientId);
    }
  }

  void remember(String clientId, String topic, Optional<ByteBuffer> payload) {
    int size = payload.map(ByteBuffer::remaining).orElse(0);
    if (size > maxPayloadBytes) {
      byClient.remove(clientId);
      return;
    }
    byte[] bytes = new byte[size];
    // The broker's buffer is shared and read-only: copy through a duplicate.
    payload.ifPresent(buffer -> buffer.duplicate().get(bytes));
    byClient.put(clientId, new Will(topic, bytes));
  }

  /** Removes and returns the will of {@code clientId}'s connection, if it had one. */
  public Optional<Will> take(String clientId) {
    return Optional.ofNullable(byClient.remove(clientId));
  }

  /** How many wills are kept: one per connected device that has one. */
  public int size() {
    return byClient.size();
  }
}
