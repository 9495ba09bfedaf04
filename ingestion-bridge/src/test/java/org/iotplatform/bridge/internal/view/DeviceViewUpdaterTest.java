package org.iotplatform.bridge.internal.view;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceViewUpdaterTest {

  private static final String TOPIC = "iot.devices.v1";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

  private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
  private final DeviceView view = new DeviceView(100);
  private final DeviceViewUpdater underTest = new DeviceViewUpdater(consumer, TOPIC, view);
  private Thread thread;

  @AfterEach
  void stop() throws InterruptedException {
    underTest.stop();
    thread.join(10_000);
  }

  @Test
  void becomesReadyOnlyOnceItReadTheRecordsThatExistedAtStart() {
    consumer.updatePartitions(
        TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), null, null)));
    consumer.updateBeginningOffsets(Map.of(P0, 0L));
    consumer.updateEndOffsets(Map.of(P0, 2L));
    consumer.schedulePollTask(() -> consumer.addRecord(record(0, "d-1", 1)));
    consumer.schedulePollTask(
        () -> assertThat(view.isReady()).as("ready before reaching the end").isFalse());
    consumer.schedulePollTask(() -> consumer.addRecord(record(1, "d-2", 1)));

    start();

    await().atMost(Duration.ofSeconds(10)).until(view::isReady);
    assertThat(view.device("d-1")).isPresent();
    assertThat(view.device("d-2")).isPresent();
  }

  @Test
  void appliesTombstonesAndSkipsUnreadableRecords() {
    consumer.updatePartitions(
        TOPIC, List.of(new PartitionInfo(TOPIC, 0, Node.noNode(), null, null)));
    consumer.updateBeginningOffsets(Map.of(P0, 0L));
    consumer.updateEndOffsets(Map.of(P0, 0L));
    consumer.schedulePollTask(
        () -> {
          consumer.addRecord(record(0, "d-1", 1));
          consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, "d-2", "not json".getBytes(UTF_8)));
          consumer.addRecord(record(2, "d-3", 1));
          consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 3, "d-1", null));
        });

    start();

    await().atMost(Duration.ofSeconds(10)).until(() -> view.device("d-3").isPresent());
    assertThat(view.device("d-1")).isEmpty();
    assertThat(view.device("d-2")).isEmpty();
  }

  private void start() {
    thread = new Thread(underTest, "device-view-test");
    thread.start();
  }

  private static ConsumerRecord<String, byte[]> record(long offset, String device, long version) {
    String json =
        """
        {"tenantId":"default","deviceId":"%s","type":"t","labels":{},"status":"OFFLINE",
         "version":%d,"updatedAt":"2026-01-01T00:00:00Z","credentials":[]}
        """
            .formatted(device, version);
    return new ConsumerRecord<>(TOPIC, 0, offset, device, json.getBytes(UTF_8));
  }
}
