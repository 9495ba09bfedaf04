package org.iotplatform.bridge.internal.lifecycle;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ClientInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionLostInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ServerInitiatedDisconnectInput;
import com.hivemq.extension.sdk.api.packets.general.DisconnectedReasonCode;
import java.time.Clock;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.iotplatform.bridge.internal.forwarding.PublishRouter;
import org.iotplatform.bridge.internal.forwarding.RecordFactory;
import org.iotplatform.bridge.internal.forwarding.Route;
import org.iotplatform.contracts.DeviceTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces a {@code connected} record when a device's CONNECT was accepted and a {@code
 * disconnected} one (with {@code clean} and a reason) when its connection ends; before the latter,
 * the device's last will, when the broker publishes it, forwarded as a publish to its topic would
 * be (a will on {@code devices/{id}/status} becomes a status record). Clients whose id is not a
 * device id (operators' tools) produce nothing, nor do refused CONNECTs, nor the old connection of
 * a session taken over by the device's new one: the device is still online.
 *
 * <p>Fire and forget: a record Kafka refuses is counted and logged, never retried; consumers treat
 * a device's status publishes and the last record as the truth.
 */
public final class LifecycleEventListener implements ClientLifecycleEventListener {

  static final String SENT = "org.iotplatform.bridge.events.sent";
  static final String FAILED = "org.iotplatform.bridge.events.failed";
  static final String WILLS_FORWARDED = "org.iotplatform.bridge.wills.forwarded";

  private static final Logger log = LoggerFactory.getLogger(LifecycleEventListener.class);

  private final Producer<byte[], byte[]> producer;
  private final LifecycleRecords records;
  private final Clock clock;
  private final Wills wills;
  private final PublishRouter router;
  private final RecordFactory willRecords;
  private final Counter sent;
  private final Counter failed;
  private final Counter willsForwarded;

  /**
   * @param wills the wills of connected devices; a will goes where a publish to its topic would,
   *     when the broker publishes it (a connection that ends other than by a normal DISCONNECT)
   */
  public LifecycleEventListener(
      Producer<byte[], byte[]> producer,
      String topic,
      Function<String, String> tenantOf,
      Wills wills,
      PublishRouter router,
      MetricRegistry metrics,
      Clock clock) {
    this.producer = producer;
    this.records = new LifecycleRecords(topic, tenantOf);
    this.wills = wills;
    this.router = router;
    this.willRecords = new RecordFactory(tenantOf);
    this.clock = clock;
    this.sent = metrics.counter(SENT);
    this.failed = metrics.counter(FAILED);
    this.willsForwarded = metrics.counter(WILLS_FORWARDED);
  }

  @Override
  public void onMqttConnectionStart(ConnectionStartInput input) {}

  @Override
  public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
    String clientId = input.getClientInformation().getClientId();
    if (DeviceTopic.isValidDeviceId(clientId)) {
      send(records.connected(clientId, clock.millis()));
    }
  }

  @Override
  public void onClientInitiatedDisconnect(ClientInitiatedDisconnectInput input) {
    boolean normal =
        input
            .getReasonCode()
            .map(c -> c == DisconnectedReasonCode.NORMAL_DISCONNECTION)
            .orElse(true);
    boolean withWill =
        input
            .getReasonCode()
            .map(c -> c == DisconnectedReasonCode.DISCONNECT_WITH_WILL_MESSAGE)
            .orElse(false);
    disconnected(
        input,
        normal,
        normal ? "client disconnected" : "client disconnected with error",
        !normal || withWill);
  }

  @Override
  public void onConnectionLost(ConnectionLostInput input) {
    disconnected(input, false, "connection lost", true);
  }

  @Override
  public void onServerInitiatedDisconnect(ServerInitiatedDisconnectInput input) {
    if (input
        .getReasonCode()
        .filter(c -> c == DisconnectedReasonCode.SESSION_TAKEN_OVER)
        .isPresent()) {
      // The device is online on its new connection, whose CONNECT brought its own will.
      return;
    }
    disconnected(input, false, "disconnected by the broker", true);
  }

  @Override
  public void onDisconnect(DisconnectEventInput input) {
    // Only a refused CONNECT arrives here (the other kinds are handled above): never connected.
  }

  private void disconnected(
      DisconnectEventInput input, boolean clean, String fallbackReason, boolean willPublished) {
    String clientId = input.getClientInformation().getClientId();
    if (!DeviceTopic.isValidDeviceId(clientId)) {
      return;
    }
    // The will first: both records go to the device's partition, the will before the event. A
    // will with a delay follows the event, when the broker publishes it.
    wills
        .take(clientId)
        .filter(will -> willPublished)
        .ifPresent(
            will -> {
              if (will.delaySeconds() == 0) {
                forward(will);
              } else {
                wills.later(clientId, will, () -> forward(will));
              }
            });
    String reason =
        input
            .getReasonString()
            .or(() -> input.getReasonCode().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)))
            .orElse(fallbackReason);
    send(records.disconnected(clientId, clock.millis(), clean, reason));
  }

  private void forward(Wills.Will will) {
    router
        .route(will.topic())
        .map(route -> willRecord(route, will))
        .ifPresent(
            record -> {
              willsForwarded.inc();
              send(record);
            });
  }

  private ProducerRecord<byte[], byte[]> willRecord(Route route, Wills.Will will) {
    return willRecords.create(route, will.payload(), clock.millis());
  }

  private void send(ProducerRecord<byte[], byte[]> record) {
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error == null) {
              sent.inc();
            } else {
              failed.inc();
              log.warn("Lifecycle event not written: {}", error.toString());
            }
          });
    } catch (RuntimeException e) {
      failed.inc();
      log.warn("Lifecycle event not written: {}", e.toString());
    }
  }
}
