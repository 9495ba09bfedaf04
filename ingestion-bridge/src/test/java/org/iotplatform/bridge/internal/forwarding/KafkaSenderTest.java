package org.iotplatform.bridge.internal.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaSenderTest {

  private static final ProducerRecord<byte[], byte[]> RECORD =
      new ProducerRecord<>("iot.telemetry.v1", "d-1".getBytes(), new byte[] {1, 2});

  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final MetricRegistry registry = new MetricRegistry();
  private final KafkaSender underTest = new KafkaSender(producer, new ForwardingMetrics(registry));

  @Test
  void completesOnlyOnceKafkaAcknowledgedTheRecord() {
    CompletableFuture<RecordMetadata> result = underTest.send(RECORD);

    assertThat(result).isNotDone();
    producer.completeNext();
    assertThat(result).isCompleted();
    assertThat(producer.history()).containsExactly(RECORD);
  }

  @Test
  void failsWhenKafkaRefusesTheRecord() {
    CompletableFuture<RecordMetadata> result = underTest.send(RECORD);

    producer.errorNext(new NotEnoughReplicasException("one replica left"));

    assertThat(result).isCompletedExceptionally();
  }

  @Test
  void failsWhenSendThrows() {
    producer.close();

    assertThat(underTest.send(RECORD)).isCompletedExceptionally();
  }

  @Test
  void countsForwardedAndFailedRecords() {
    underTest.send(RECORD);
    underTest.send(RECORD);
    underTest.send(RECORD);
    producer.completeNext();
    producer.completeNext();
    producer.errorNext(new NotEnoughReplicasException("one replica left"));

    assertThat(registry.counter(ForwardingMetrics.FORWARDED).getCount()).isEqualTo(2);
    assertThat(registry.counter(ForwardingMetrics.FAILED).getCount()).isEqualTo(1);
  }

  @Test
  void isUnhealthyFromAFailedRecordUntilKafkaAcceptsOneAgain() {
    assertThat(underTest.healthy()).isTrue();
    underTest.send(RECORD);
    underTest.send(RECORD);
    underTest.send(RECORD);

    producer.errorNext(new NotEnoughReplicasException("one replica left"));
    assertThat(underTest.healthy()).isFalse();
    producer.errorNext(new NotEnoughReplicasException("one replica left"));
    assertThat(underTest.healthy()).isFalse();

    producer.completeNext();
    assertThat(underTest.healthy()).isTrue();
  }

  @Test
  void isUnhealthyWhenSendThrows() {
    producer.close();

    underTest.send(RECORD);

    assertThat(underTest.healthy()).isFalse();
  }
}
