package org.iotplatform.bridge.internal.downlink;

import com.codahale.metrics.MetricRegistry;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import com.hivemq.extension.sdk.api.services.publish.RetainedMessageStore;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the downlink of one broker node: a consumer of the downlink topic in the node's own group,
 * on a thread of its own, publishing to the devices this node holds. {@link #stop()} it when the
 * extension stops.
 */
public final class Downlink {

  /** Prefix of every node's consumer group; the node id follows. */
  public static final String GROUP_PREFIX = "iot-bridge-downlink-";

  // How long the broker may take to accept one poll's messages before they are read again.
  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(Downlink.class);

  private final DownlinkConsumer consumer;

  private Downlink(DownlinkConsumer consumer) {
    this.consumer = consumer;
  }

  /**
   * Starts the node's downlink.
   *
   * @param nodeId names the node's consumer group, {@value #GROUP_PREFIX}{@code nodeId}
   * @param maxPollRecords records handed to the broker at a time ({@code max.poll.records})
   * @param clients this node's client service (not read from the static {@code Services} later)
   * @param publishes this node's publish service
   * @param retained this node's retained message store
   */
  public static Downlink start(
      String bootstrapServers,
      String topic,
      String nodeId,
      int maxPollRecords,
      ClientService clients,
      PublishService publishes,
      RetainedMessageStore retained,
      MetricRegistry metricRegistry) {
    DownlinkConsumer consumer =
        new DownlinkConsumer(
            consumer(bootstrapServers, GROUP_PREFIX + nodeId, maxPollRecords),
            topic,
            new BrokerDelivery(clients, publishes, retained),
            new DownlinkMetrics(metricRegistry),
            PUBLISH_TIMEOUT,
            Clock.systemUTC());
    Thread thread = new Thread(consumer, "iot-bridge-downlink");
    thread.setDaemon(true); // never holds up the broker's shutdown
    thread.start();
    log.info("Downlink reading {} in group {}{}", topic, GROUP_PREFIX, nodeId);
    return new Downlink(consumer);
  }

  /** Stops reading; safe from any thread. */
  public void stop() {
    consumer.stop();
  }

  private static Consumer<String, byte[]> consumer(
      String bootstrapServers, String groupId, int maxPollRecords) {
    // As for the producer: the broker's context class loader need not see this extension's jars.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(Downlink.class.getClassLoader());
    try {
      return new KafkaConsumer<>(
          properties(bootstrapServers, groupId, maxPollRecords),
          new StringDeserializer(),
          new ByteArrayDeserializer());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * Offsets are committed by hand after publishing. A group without offsets (a new node) starts at
   * the end: a node must not replay the topic's whole retention to its devices.
   */
  static Map<String, Object> properties(
      String bootstrapServers, String groupId, int maxPollRecords) {
    Map<String, Object> properties = new HashMap<>();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    return properties;
  }
}
