package org.iotplatform.bridge.internal.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.codahale.metrics.MetricRegistry;
import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.client.parameter.ClientInformation;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.iotplatform.bridge.BridgeConfig;
import org.iotplatform.bridge.BridgeConfig.Limits;
import org.iotplatform.bridge.internal.auth.DeviceTopicAuthorizer;
import org.iotplatform.bridge.internal.auth.DeviceTopicPolicy;
import org.iotplatform.bridge.internal.limits.PublishLimits;
import org.iotplatform.contracts.KafkaTopics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The broker's side (input, output, async) is stubbed: the SDK offers interfaces only. Kafka's side
 * is the client library's own MockProducer, which acknowledges when the test says so.
 */
class ForwardingInterceptorTest {

  private static final byte[] PAYLOAD =
      "{\"metrics\":{\"temperature\":23.4}}".getBytes(StandardCharsets.UTF_8);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(17);

  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final PublishInboundOutput output = mock(PublishInboundOutput.class);

  @SuppressWarnings("unchecked")
  private final Async<PublishInboundOutput> async = mock(Async.class);

  private final MetricRegistry registry = new MetricRegistry();
  private final ForwardingMetrics metrics = new ForwardingMetrics(registry);
  private InFlight inFlight = new InFlight(Limits.DEFAULT_MAX_IN_FLIGHT_BYTES);
  private ForwardingInterceptor underTest = interceptor(Limits.defaults());

  /** With {@code limits}; sends run at once on the calling thread. */
  private ForwardingInterceptor interceptor(Limits limits) {
    inFlight = new InFlight(limits.maxInFlightBytes());
    return new ForwardingInterceptor(
        new DeviceTopicAuthorizer(new DeviceTopicPolicy(), registry),
        new PublishRouter(BridgeConfig.Topics.defaults()),
        new PublishLimits(limits),
        new RecordFactory("default"),
        inFlight,
        Runnable::run,
        new KafkaSender(producer, metrics),
        metrics,
        ACK_TIMEOUT,
        new PendingAcks(),
        (clientId, reason) -> java.util.concurrent.CompletableFuture.completedFuture(true));
  }

  @BeforeEach
  void outputGoesAsync() {
    when(output.async(any(), any(), any(), any())).thenReturn(async);
    when(async.getStatus()).thenReturn(Async.Status.RUNNING);
  }

  @Test
  void holdsTheQos1AcknowledgementUntilKafkaAcknowledged() {
    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE), output);

    verify(output)
        .async(
            ACK_TIMEOUT,
            TimeoutFallback.FAILURE,
            AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
            ForwardingInterceptor.TIMED_OUT);
    verify(async, never()).resume();

    producer.completeNext();

    verify(async).resume();
    verify(output, never()).preventPublishDelivery(any(), any());
    assertThat(producer.history())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.topic()).isEqualTo(KafkaTopics.TELEMETRY);
              assertThat(record.value()).containsExactly(PAYLOAD);
            });
  }

  @Test
  void refusesTheQos1PublishWhenKafkaFails() {
    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE), output);

    producer.errorNext(new TimeoutException("no broker"));

    InOrder order = inOrder(output, async);
    order
        .verify(output)
        .preventPublishDelivery(
            AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, ForwardingInterceptor.NOT_ACCEPTED);
    order.verify(async).resume();
  }

  @Test
  void leavesAPublishTheBrokerTimedOutAlreadyRefusedAndReleasesIt() {
    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE), output);
    when(async.getStatus()).thenReturn(Async.Status.CANCELED);

    producer.errorNext(new TimeoutException("no broker"));

    verify(output, never()).preventPublishDelivery(any(), any());
    verify(async).resume();
  }

  @Test
  void holdsTheQos2AcknowledgementLikeQos1() {
    underTest.onInboundPublish(publish("d-1", "devices/d-1/status", Qos.EXACTLY_ONCE), output);

    verify(async, never()).resume();
    producer.completeNext();
    verify(async).resume();
  }

  @Test
  void sendsQos0WithoutHoldingThePublish() {
    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_MOST_ONCE), output);

    assertThat(producer.history()).hasSize(1);
    verifyNoInteractions(output);
  }

  @Test
  void doesNotForwardAPublishToAnotherDevicesTopic() {
    underTest.onInboundPublish(publish("d-1", "devices/d-2/telemetry", Qos.AT_LEAST_ONCE), output);

    assertThat(producer.history()).isEmpty();
    verifyNoInteractions(output);
  }

  @Test
  void doesNotForwardUnroutedDeviceTopics() {
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/commands/response", Qos.AT_LEAST_ONCE), output);

    assertThat(producer.history()).isEmpty();
    verifyNoInteractions(output);
  }

  @Test
  void holdsTheQos1AcknowledgementOfAShadowRequestUntilKafkaAcknowledged() {
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/shadow/name/config/update", Qos.AT_LEAST_ONCE), output);

    verify(async, never()).resume();
    producer.completeNext();

    verify(async).resume();
    verify(output, never()).preventPublishDelivery(any(), any());
    assertThat(producer.history())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.topic()).isEqualTo(KafkaTopics.SHADOW);
              assertThat(record.key()).isEqualTo("d-1".getBytes(StandardCharsets.UTF_8));
              assertThat(record.value()).containsExactly(PAYLOAD);
            });
    assertThat(registry.counter(ForwardingMetrics.PUBLISHES_IN + "shadow").getCount()).isEqualTo(1);
  }

  @Test
  void leavesAShadowAnswerToTheAuthorizerAndForwardsNothing() {
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/shadow/update/delta", Qos.AT_LEAST_ONCE), output);

    assertThat(producer.history()).isEmpty();
    verifyNoInteractions(output);
  }

  @Test
  void forwardsAnEmptyPayloadAsEmptyBytes() {
    PublishInboundInput input = publish("d-1", "devices/d-1/status", Qos.AT_MOST_ONCE);
    when(input.getPublishPacket().getPayload()).thenReturn(Optional.empty());

    underTest.onInboundPublish(input, output);

    assertThat(producer.history())
        .singleElement()
        .satisfies(record -> assertThat(record.value()).isEmpty());
  }

  @Test
  void refusesAnOversizePayloadAsPayloadFormatInvalidAndForwardsNothing() {
    underTest = interceptor(new Limits(PAYLOAD.length - 1, 0, 1, 1024));

    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE), output);

    verify(output)
        .preventPublishDelivery(
            eq(AckReasonCode.PAYLOAD_FORMAT_INVALID), contains((PAYLOAD.length - 1) + " bytes"));
    verify(output, never()).async(any(), any(), any(), any());
    assertThat(producer.history()).isEmpty();
    assertThat(refused("payload-too-large")).isEqualTo(1);
  }

  @Test
  void refusesADeviceOverItsRateAsQuotaExceededAndForwardsNothingMore() {
    underTest = interceptor(new Limits(1024, 1, 1, 4096));
    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_MOST_ONCE), output);

    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_MOST_ONCE), output);

    verify(output).preventPublishDelivery(eq(AckReasonCode.QUOTA_EXCEEDED), anyString());
    assertThat(producer.history()).hasSize(1);
    assertThat(refused("rate-limited")).isEqualTo(1);
  }

  @Test
  void dropsQos0BeyondTheInFlightBoundAndCountsIt() {
    underTest = interceptor(new Limits(1024, 0, 1, 1024));
    inFlight.tryAcquire(1024);

    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_MOST_ONCE), output);

    assertThat(producer.history()).isEmpty();
    verify(output).preventPublishDelivery();
    assertThat(refused("dropped-qos0")).isEqualTo(1);
  }

  @Test
  void holdsAQos1PublishBeyondTheBoundUntilKafkaAcknowledgedAnEarlierRecord() {
    // Each record weighs more than the bound, so one at a time is in flight.
    underTest = interceptor(new Limits(PAYLOAD.length, 0, 1, PAYLOAD.length));
    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE), output);
    PublishInboundOutput secondOutput = mock(PublishInboundOutput.class);
    when(secondOutput.async(any(), any(), any(), any())).thenReturn(async);

    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE), secondOutput);

    assertThat(producer.history()).hasSize(1);
    assertThat(inFlight.waiting()).isEqualTo(1);
    producer.completeNext();
    assertThat(producer.history()).hasSize(2);
    assertThat(inFlight.records()).isEqualTo(1);
    producer.completeNext();
    assertThat(inFlight.records()).isZero();
    verify(async, times(2)).resume();
  }

  @Test
  void neitherSendsNorHoldsRoomForAWaitingPublishTheBrokerTimedOutMeanwhile() {
    underTest = interceptor(new Limits(1024, 0, 1, 1024));
    inFlight.tryAcquire(1024);
    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE), output);
    when(async.getStatus()).thenReturn(Async.Status.CANCELED);

    inFlight.release(1024);

    assertThat(producer.history()).isEmpty();
    assertThat(inFlight.records()).isZero();
    assertThat(refused("timed-out")).isEqualTo(1);
  }

  @Test
  void countsPublishesInPerRouteAndKafkaFailures() {
    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE), output);
    underTest.onInboundPublish(publish("d-1", "devices/d-1/status", Qos.AT_MOST_ONCE), output);

    producer.errorNext(new TimeoutException("no broker"));

    assertThat(registry.counter(ForwardingMetrics.PUBLISHES_IN + "telemetry").getCount())
        .isEqualTo(1);
    assertThat(registry.counter(ForwardingMetrics.PUBLISHES_IN + "status").getCount()).isEqualTo(1);
    assertThat(refused("kafka-failed")).isEqualTo(1);
  }

  @Test
  void givesBackTheRoomOfEveryRecordKafkaAnswered() {
    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE), output);
    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_MOST_ONCE), output);
    assertThat(inFlight.records()).isEqualTo(2);

    producer.completeNext();
    producer.errorNext(new TimeoutException("no broker"));

    assertThat(inFlight.records()).isZero();
    assertThat(inFlight.bytes()).isZero();
  }

  private long refused(String reason) {
    return registry.counter(ForwardingMetrics.REFUSED + reason).getCount();
  }

  private static PublishInboundInput publish(String clientId, String topic, Qos qos) {
    PublishInboundInput input = mock(PublishInboundInput.class);
    ClientInformation client = mock(ClientInformation.class);
    PublishPacket packet = mock(PublishPacket.class);
    when(input.getClientInformation()).thenReturn(client);
    when(client.getClientId()).thenReturn(clientId);
    when(input.getPublishPacket()).thenReturn(packet);
    when(packet.getTopic()).thenReturn(topic);
    when(packet.getQos()).thenReturn(qos);
    when(packet.getTimestamp()).thenReturn(1_732_280_000_123L);
    when(packet.getPayload()).thenReturn(Optional.of(ByteBuffer.wrap(PAYLOAD).asReadOnlyBuffer()));
    return input;
  }
}
