package org.iotplatform.bridge.internal.downlink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.iotplatform.bridge.internal.downlink.DeviceDelivery.Outcome;
import org.iotplatform.contracts.DownlinkMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DownlinkConsumerTest {

  private static final String TOPIC = "iot.downlink.v1";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
  private final MetricRegistry registry = new MetricRegistry();
  private final List<String> handedTopics = new CopyOnWriteArrayList<>();
  private DeviceDelivery delivery =
      (device, message, expiry) -> completed(message, Outcome.DELIVERED);
  private @Nullable DownlinkConsumer underTest;
  private @Nullable Thread thread;

  @AfterEach
  void stop() throws InterruptedException {
    if (underTest != null) {
      underTest.stop();
      thread.join(10_000);
    }
  }

  @Test
  void commitsPastEveryRecordOnceTheValidOnesWereHandedOverAndCountsTheRest() {
    assignP0();
    consumer.schedulePollTask(
        () -> {
          consumer.addRecord(record(0, "d-1", message("devices/d-1/commands", null)));
          consumer.addRecord(record(1, "d-1", message("devices/d-2/commands", null)));
          consumer.addRecord(
              record(2, "d-1", message("devices/d-1/commands", "2000-01-01T00:00:00Z")));
          consumer.addRecord(record(3, "d-1", "not json"));
          consumer.addRecord(record(4, "d-1", message("devices/d-1/ota/jobs", null)));
        });

    start();

    await().atMost(WAIT).until(() -> committed() == 5L);
    assertThat(handedTopics).containsExactly("devices/d-1/commands", "devices/d-1/ota/jobs");
    assertThat(count(DownlinkMetrics.DELIVERED)).isEqualTo(2);
    assertThat(count(DownlinkMetrics.INVALID)).isEqualTo(2);
    assertThat(count(DownlinkMetrics.EXPIRED)).isEqualTo(1);
  }

  @Test
  void commitsOnlyAfterTheBrokerTookTheMessage() {
    CompletableFuture<Outcome> pending = new CompletableFuture<>();
    delivery =
        (device, message, expiry) -> {
          handedTopics.add(message.topic());
          return pending;
        };
    assignP0();
    consumer.schedulePollTask(
        () -> consumer.addRecord(record(0, "d-1", message("devices/d-1/commands", null))));

    start();

    await().atMost(WAIT).until(() -> !handedTopics.isEmpty());
    assertThat(committed()).as("committed while the publish was pending").isNull();
    pending.complete(Outcome.NOT_HERE);
    await().atMost(WAIT).until(() -> committed() == 1L);
    assertThat(count(DownlinkMetrics.NOT_HERE)).isEqualTo(1);
  }

  @Test
  void readsARecordAgainWhenTheBrokerRefusedIt() {
    AtomicInteger attempts = new AtomicInteger();
    delivery =
        (device, message, expiry) ->
            attempts.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new IllegalStateException("rate limit"))
                : completed(message, Outcome.DELIVERED);
    assignP0();
    consumer.schedulePollTask(
        () -> consumer.addRecord(record(0, "d-1", message("devices/d-1/commands", null))));
    // The rewound record is fetched from the mock's store again only if the test adds it again.
    consumer.schedulePollTask(
        () -> consumer.addRecord(record(0, "d-1", message("devices/d-1/commands", null))));

    start();

    await().atMost(WAIT).until(() -> count(DownlinkMetrics.DELIVERED) == 1);
    await().atMost(WAIT).until(() -> committed() == 1L);
    assertThat(count(DownlinkMetrics.FAILED)).isEqualTo(1);
    assertThat(attempts).hasValue(2);
  }

  @Test
  void skipsAMessageTheBrokerCanNeverTakeInsteadOfRetryingIt() {
    delivery =
        (device, message, expiry) -> {
          if (message.topic().endsWith("too-long")) {
            throw new IllegalArgumentException("topic too long");
          }
          return completed(message, Outcome.DELIVERED);
        };
    assignP0();
    consumer.schedulePollTask(
        () -> {
          consumer.addRecord(record(0, "d-1", message("devices/d-1/too-long", null)));
          consumer.addRecord(record(1, "d-1", message("devices/d-1/commands", null)));
        });

    start();

    await().atMost(WAIT).until(() -> committed() == 2L);
    assertThat(handedTopics).containsExactly("devices/d-1/commands");
    assertThat(count(DownlinkMetrics.INVALID)).isEqualTo(1);
    assertThat(count(DownlinkMetrics.FAILED)).isZero();
  }

  private CompletableFuture<Outcome> completed(DownlinkMessage message, Outcome outcome) {
    handedTopics.add(message.topic());
    return CompletableFuture.completedFuture(outcome);
  }

  private void assignP0() {
    consumer.schedulePollTask(
        () -> {
          consumer.rebalance(List.of(P0));
          consumer.updateBeginningOffsets(Map.of(P0, 0L));
        });
  }

  private void start() {
    underTest =
        new DownlinkConsumer(
            consumer,
            TOPIC,
            delivery,
            new DownlinkMetrics(registry),
            Duration.ofMinutes(1),
            Clock.systemUTC());
    thread = new Thread(underTest, "downlink-test");
    thread.start();
  }

  private @Nullable Long committed() {
    OffsetAndMetadata offset = consumer.committed(Set.of(P0)).get(P0);
    return offset == null ? null : offset.offset();
  }

  private long count(String name) {
    return registry.counter(name).getCount();
  }

  private static String message(String topic, @Nullable String expiresAt) {
    return expiresAt == null
        ? "{\"topic\":\"%s\",\"payload\":\"{}\",\"qos\":1,\"retain\":false}".formatted(topic)
        : "{\"topic\":\"%s\",\"payload\":\"{}\",\"qos\":1,\"retain\":false,\"expiresAt\":\"%s\"}"
            .formatted(topic, expiresAt);
  }

  private static ConsumerRecord<String, byte[]> record(long offset, String key, String value) {
    return new ConsumerRecord<>(TOPIC, 0, offset, key, value.getBytes(UTF_8));
  }
}
