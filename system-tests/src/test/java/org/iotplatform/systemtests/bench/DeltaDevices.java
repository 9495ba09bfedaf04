package org.iotplatform.systemtests.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.iotplatform.contracts.ShadowTopic;
import org.iotplatform.contracts.ShadowTopic.Operation;
import org.iotplatform.contracts.ShadowTopic.Response;

/**
 * MQTT 5 devices that each subscribe, QoS 1, to their own {@code devices/{id}/shadow/update/delta}
 * and hand every delta's payload, with the time it arrived, to one listener. The HiveMQ MQTT client
 * acknowledges each delta itself once the listener returned.
 */
final class DeltaDevices implements AutoCloseable {

  /** Connects and subscribes this many at a time: a broker on two cores takes them in slices. */
  private static final int SLICE = 500;

  private final List<Mqtt5AsyncClient> clients = new ArrayList<>();

  /**
   * Connects the devices {@code ids} to the broker on {@code port} and subscribes each to its delta
   * topic; returns once every subscription is granted.
   *
   * @throws IllegalStateException when the broker refuses a subscription
   */
  DeltaDevices(List<String> ids, int port, Consumer<byte[]> onDelta) {
    List<CompletableFuture<?>> slice = new ArrayList<>();
    for (String id : ids) {
      Mqtt5AsyncClient client =
          MqttClient.builder()
              .useMqttVersion5()
              .identifier(id)
              .serverHost("127.0.0.1")
              .serverPort(port)
              .buildAsync();
      String topic = ShadowTopic.classic(id, Operation.UPDATE).responseTopic(Response.DELTA);
      slice.add(
          client
              .connect()
              .thenCompose(
                  connected ->
                      client
                          .subscribeWith()
                          .topicFilter(topic)
                          .qos(MqttQos.AT_LEAST_ONCE)
                          .callback(publish -> onDelta.accept(publish.getPayloadAsBytes()))
                          .send())
              .thenAccept(subAck -> requireGranted(id, subAck)));
      clients.add(client);
      if (slice.size() == SLICE) {
        CompletableFuture.allOf(slice.toArray(CompletableFuture[]::new)).join();
        slice.clear();
      }
    }
    CompletableFuture.allOf(slice.toArray(CompletableFuture[]::new)).join();
  }

  /** How many devices are connected. */
  int size() {
    return clients.size();
  }

  private static void requireGranted(String id, Mqtt5SubAck subAck) {
    if (subAck.getReasonCodes().stream().anyMatch(Mqtt5SubAckReasonCode::isError)) {
      throw new IllegalStateException(id + ": delta subscription refused " + subAck);
    }
  }

  @Override
  public void close() {
    List<CompletableFuture<?>> closing = new ArrayList<>();
    for (Mqtt5AsyncClient client : clients) {
      closing.add(client.disconnect().exceptionally(error -> null));
    }
    CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
  }
}
