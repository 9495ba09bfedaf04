package org.iotplatform.sdk.internal;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.sdk.MessageHandler;

/**
 * A device client's subscriptions below {@code devices/{id}/}, kept across reconnects, and the
 * dispatch of the messages that arrive on them. Thread-safe.
 */
final class Subscriptions {

  private static final Logger LOG = Logger.getLogger(Subscriptions.class.getName());

  private final String deviceId;
  private final String prefix;
  private final Map<String, MessageHandler> handlers = new ConcurrentHashMap<>();

  /** Feature clients' handlers, apart: a caller subscribing to the same filter replaces none. */
  private final List<Map.Entry<String, MessageHandler>> featureHandlers =
      new CopyOnWriteArrayList<>();

  Subscriptions(String deviceId) {
    this.deviceId = deviceId;
    this.prefix = DeviceTopic.prefix(deviceId);
  }

  /** Adds (or replaces) the caller's handler of a subtopic filter; {@link #subscribe} sends it. */
  void put(String subtopicFilter, MessageHandler handler) {
    handlers.put(subtopicFilter, handler);
  }

  /** Adds a feature client's handler of a subtopic filter, beside any other. */
  void addFeatureHandler(String subtopicFilter, MessageHandler handler) {
    featureHandlers.add(Map.entry(subtopicFilter, handler));
  }

  /** Every subtopic filter held, once. */
  List<String> filters() {
    Set<String> filters = new LinkedHashSet<>(handlers.keySet());
    featureHandlers.forEach(entry -> filters.add(entry.getKey()));
    return List.copyOf(filters);
  }

  /**
   * Subscribes to each filter at QoS 1. The future completes (never exceptionally) when every
   * subscription was acknowledged, refused or failed with the connection; a refusal is logged.
   */
  CompletableFuture<Void> subscribe(Mqtt5AsyncClient client, Collection<String> subtopicFilters) {
    CompletableFuture<?>[] acknowledgements =
        subtopicFilters.stream()
            .map(filter -> subscribe(client, filter))
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(acknowledgements).handle((done, error) -> null);
  }

  private CompletableFuture<?> subscribe(Mqtt5AsyncClient client, String subtopicFilter) {
    return client
        .subscribeWith()
        .topicFilter(prefix + subtopicFilter)
        .qos(MqttQos.AT_LEAST_ONCE)
        .send()
        .whenComplete(
            (ack, error) -> {
              if (error != null) {
                LOG.log(
                    Level.WARNING,
                    "device {0} could not subscribe to {1}: {2}",
                    new Object[] {deviceId, subtopicFilter, error.getMessage()});
              }
            });
  }

  /** Hands a message to the handler of every filter matching its topic. */
  void dispatch(Mqtt5Publish publish) {
    String topic = publish.getTopic().toString();
    if (!topic.startsWith(prefix)) {
      return;
    }
    String subtopic = topic.substring(prefix.length());
    byte[] payload = publish.getPayloadAsBytes();
    handlers.forEach((filter, handler) -> dispatch(publish, subtopic, payload, filter, handler));
    featureHandlers.forEach(
        entry -> dispatch(publish, subtopic, payload, entry.getKey(), entry.getValue()));
  }

  private void dispatch(
      Mqtt5Publish publish,
      String subtopic,
      byte[] payload,
      String filter,
      MessageHandler handler) {
    if (MqttTopicFilter.of(prefix + filter).matches(publish.getTopic())) {
      try {
        handler.onMessage(subtopic, payload);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a message handler of " + deviceId + " failed", e);
      }
    }
  }
}
