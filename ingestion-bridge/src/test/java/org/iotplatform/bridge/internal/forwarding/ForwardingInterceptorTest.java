package org.iotplatform.bridge.internal.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
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
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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
 *
 * <p>A QoS 1 publish is pipelined while Kafka answers and there is room in flight: the publish is
 * not held, and its entry in {@link PendingAcks} holds the PUBACK instead. Tests of the other path
 * (the publish itself held) first make Kafka fail a record or fill the in-flight bound.
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
  private final PendingAcks acks = new PendingAcks();
  private final RecordingDisconnector disconnector = new RecordingDisconnector();
  private InFlight inFlight = new InFlight(Limits.DEFAULT_MAX_IN_FLIGHT_BYTES);
  private KafkaSender sender = new KafkaSender(producer, metrics);
  private ForwardingInterceptor underTest = interceptor(Limits.defaults());
  private int nextPacketId = 100;

  /** With {@code limits}; sends run at once on the calling thread. */
  private ForwardingInterceptor interceptor(Limits limits) {
    return interceptor(limits, ACK_TIMEOUT, Runnable::run);
  }

  private ForwardingInterceptor interceptor(Limits limits, Duration ackTimeout, Executor handOff) {
    inFlight = new InFlight(limits.maxInFlightBytes());
    sender = new KafkaSender(producer, metrics);
    return new ForwardingInterceptor(
        new DeviceTopicAuthorizer(new DeviceTopicPolicy(), registry),
        new PublishRouter(BridgeConfig.Topics.defaults()),
        new PublishLimits(limits),
        new RecordFactory("default"),
        inFlight,
        handOff,
        sender,
        metrics,
        ackTimeout,
        acks,
        disconnector);
  }

  @BeforeEach
  void outputGoesAsync() {
    when(output.async(any(), any(), any(), any())).thenReturn(async);
    when(async.getStatus()).thenReturn(Async.Status.RUNNING);
  }

  // --- QoS 1 pipelined: the publish goes on, its PUBACK waits in PendingAcks ---

  @Test
  void pipelinesAQos1PublishAndHoldsItsPubackUntilKafkaAcknowledged() {
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE, 7), output);

    verifyNoInteractions(output);
    PendingAcks.Pending entry = acks.find("d-1", 7);
    assertThat(entry).isNotNull();
    assertThat(entry.released()).isNotDone();
    assertThat(acks.find("d-1", 8)).isNull();
    assertThat(acks.find("d-2", 7)).isNull();
    assertThat(inFlight.records()).isEqualTo(1);

    producer.completeNext();

    assertThat(entry.released()).isCompleted();
    assertThat(acks.find("d-1", 7)).isNull();
    assertThat(acks.size()).isZero();
    assertThat(inFlight.records()).isZero();
    assertThat(disconnector.calls).isEmpty();
    verifyNoInteractions(output);
    assertSentOnlyTelemetry();
  }

  @Test
  void pipelinesAShadowRequestAndHoldsItsPubackUntilKafkaAcknowledged() {
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/shadow/name/config/update", Qos.AT_LEAST_ONCE, 3), output);

    PendingAcks.Pending entry = acks.find("d-1", 3);
    assertThat(entry).isNotNull();
    assertThat(entry.released()).isNotDone();
    producer.completeNext();

    assertThat(entry.released()).isCompleted();
    verifyNoInteractions(output);
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
  void sendsADevicesPipelinedPublishesWithoutWaitingForKafkaBetweenThem() {
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE, 1), output);
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE, 2), output);

    assertThat(producer.history()).hasSize(2);
    assertThat(acks.size()).isEqualTo(2);
    PendingAcks.Pending first = acks.find("d-1", 1);
    PendingAcks.Pending second = acks.find("d-1", 2);

    producer.completeNext();

    assertThat(first.released()).isCompleted();
    assertThat(second.released()).isNotDone();
    assertThat(acks.find("d-1", 2)).isSameAs(second);
    producer.completeNext();
    assertThat(second.released()).isCompleted();
    assertThat(acks.size()).isZero();
    verifyNoInteractions(output);
  }

  @Test
  void disconnectsTheClientWhenKafkaFailsAPipelinedRecordAndHoldsThePubackUntilItIsGone() {
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE, 7), output);
    PendingAcks.Pending entry = acks.find("d-1", 7);

    producer.errorNext(new TimeoutException("no broker"));

    assertThat(disconnector.calls)
        .containsExactly(new Call("d-1", ForwardingInterceptor.NOT_ACCEPTED));
    assertThat(refused(ForwardingMetrics.KAFKA_FAILED)).isEqualTo(1);
    assertThat(inFlight.records()).isZero();
    // The broker went on with the publish already: nothing to refuse there.
    verifyNoInteractions(output);
    assertThat(entry.released()).isNotDone();
    assertThat(acks.find("d-1", 7)).isSameAs(entry);

    disconnector.disconnected.complete(null);

    assertThat(entry.released()).isCompleted();
    assertThat(acks.find("d-1", 7)).isNull();
  }

  @Test
  void triesTheDisconnectAgainWhenTheBrokerRefusedTheCallAndHoldsThePubackMeanwhile() {
    disconnector.answers.add(CompletableFuture.failedFuture(new IllegalStateException("rate")));
    disconnector.answers.add(RecordingDisconnector.THROWS);
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE, 7), output);
    PendingAcks.Pending entry = acks.find("d-1", 7);

    producer.errorNext(new TimeoutException("no broker"));

    await().atMost(Duration.ofSeconds(10)).until(() -> disconnector.calls.size() == 3);
    assertThat(entry.released()).isNotDone();
    disconnector.disconnected.complete(null);
    assertThat(entry.released()).isCompleted();
    assertThat(acks.size()).isZero();
  }

  @Test
  void releasesTheHeldPubackOnceEveryDisconnectAttemptFailed() {
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE, 7), output);
    PendingAcks.Pending entry = acks.find("d-1", 7);
    producer.errorNext(new TimeoutException("no broker"));

    disconnector.disconnected.completeExceptionally(new IllegalStateException("stopping"));

    await().atMost(Duration.ofSeconds(10)).until(() -> entry.released().isDone());
    assertThat(disconnector.calls).hasSize(ForwardingInterceptor.DISCONNECT_ATTEMPTS);
    assertThat(acks.size()).isZero();
  }

  @Test
  void refusesAPipelinedRecordThatWaitedForTheHandOffLongerThanTheAckTimeout() {
    Queue<Runnable> queued = new ArrayDeque<>();
    // A negative timeout: any wait for the hand-off is too long, without the test waiting.
    underTest = interceptor(Limits.defaults(), Duration.ofNanos(-1), queued::add);
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE, 7), output);
    PendingAcks.Pending entry = acks.find("d-1", 7);
    assertThat(entry).isNotNull();
    assertThat(inFlight.records()).isEqualTo(1);

    queued.remove().run();

    assertThat(producer.history()).isEmpty();
    assertThat(inFlight.records()).isZero();
    assertThat(refused(ForwardingMetrics.TIMED_OUT)).isEqualTo(1);
    assertThat(disconnector.calls)
        .containsExactly(new Call("d-1", ForwardingInterceptor.NOT_ACCEPTED));
    assertThat(entry.released()).isNotDone();
    disconnector.disconnected.complete(null);
    assertThat(entry.released()).isCompleted();
    verifyNoInteractions(output);
  }

  @Test
  void refusesAPipelinedRecordTheStoppedHandOffRejects() {
    underTest =
        interceptor(
            Limits.defaults(),
            ACK_TIMEOUT,
            task -> {
              throw new RejectedExecutionException("stopped");
            });

    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE, 7), output);

    assertThat(producer.history()).isEmpty();
    assertThat(inFlight.records()).isZero();
    assertThat(inFlight.bytes()).isZero();
    assertThat(refused(ForwardingMetrics.KAFKA_FAILED)).isEqualTo(1);
    assertThat(disconnector.calls)
        .containsExactly(new Call("d-1", ForwardingInterceptor.NOT_ACCEPTED));
    PendingAcks.Pending entry = acks.find("d-1", 7);
    assertThat(entry).isNotNull();
    assertThat(entry.released()).isNotDone();
    disconnector.disconnected.complete(null);
    assertThat(entry.released()).isCompleted();
  }

  @Test
  void holdsTheNextQos1PublishItselfOnceKafkaFailedAPipelinedRecord() {
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE, 1), output);
    producer.errorNext(new TimeoutException("no broker"));
    PublishInboundOutput next = asyncOutput();

    underTest.onInboundPublish(publish("d-2", "devices/d-2/telemetry", Qos.AT_LEAST_ONCE, 2), next);

    verify(next)
        .async(
            ACK_TIMEOUT,
            TimeoutFallback.FAILURE,
            AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
            ForwardingInterceptor.TIMED_OUT);
    assertThat(acks.find("d-2", 2)).isNull();
  }

  @Test
  void pipelinesQos1AgainOnceKafkaAcceptsARecordAgain() {
    kafkaFailedARecord();
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE, 1), output);
    verify(output).async(any(), any(), any(), any());
    assertThat(acks.find("d-1", 1)).isNull();

    producer.completeNext();

    verify(async).resume();
    assertThat(sender.healthy()).isTrue();
    PublishInboundOutput next = mock(PublishInboundOutput.class);
    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE, 2), next);
    verifyNoInteractions(next);
    assertThat(acks.find("d-1", 2)).isNotNull();
  }

  // --- The publish itself held: Kafka failing, no room in flight, or QoS 2 ---

  @Test
  void whileKafkaFailsHoldsTheQos1PublishUntilKafkaAcknowledged() {
    kafkaFailedARecord();

    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE), output);

    verify(output)
        .async(
            ACK_TIMEOUT,
            TimeoutFallback.FAILURE,
            AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
            ForwardingInterceptor.TIMED_OUT);
    verify(async, never()).resume();
    assertThat(acks.size()).isZero();

    producer.completeNext();

    verify(async).resume();
    verify(output, never()).preventPublishDelivery(any(), any());
    assertThat(inFlight.records()).isZero();
    assertThat(inFlight.bytes()).isZero();
    assertThat(disconnector.calls).isEmpty();
    assertSentOnlyTelemetry();
  }

  @Test
  void whileKafkaFailsRefusesTheQos1PublishWhenKafkaFailsIt() {
    kafkaFailedARecord();
    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE), output);

    producer.errorNext(new TimeoutException("no broker"));

    InOrder order = inOrder(output, async);
    order
        .verify(output)
        .preventPublishDelivery(
            AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, ForwardingInterceptor.NOT_ACCEPTED);
    order.verify(async).resume();
    assertThat(refused(ForwardingMetrics.KAFKA_FAILED)).isEqualTo(1);
    assertThat(disconnector.calls).isEmpty();
  }

  @Test
  void leavesAPublishTheBrokerTimedOutAlreadyRefusedAndReleasesIt() {
    kafkaFailedARecord();
    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE), output);
    when(async.getStatus()).thenReturn(Async.Status.CANCELED);

    producer.errorNext(new TimeoutException("no broker"));

    verify(output, never()).preventPublishDelivery(any(), any());
    verify(async).resume();
    assertThat(refused(ForwardingMetrics.TIMED_OUT)).isEqualTo(1);
    assertThat(refused(ForwardingMetrics.KAFKA_FAILED)).isZero();
  }

  @Test
  void holdsTheQos2PublishUntilKafkaAcknowledgedEvenWhileKafkaAnswers() {
    assertThat(sender.healthy()).isTrue();

    underTest.onInboundPublish(publish("d-1", "devices/d-1/status", Qos.EXACTLY_ONCE, 5), output);

    verify(output)
        .async(
            ACK_TIMEOUT,
            TimeoutFallback.FAILURE,
            AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
            ForwardingInterceptor.TIMED_OUT);
    assertThat(acks.find("d-1", 5)).isNull();
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
  void refusesAPublishToAnotherDevicesTopicAsNotAuthorizedAndForwardsNothing() {
    underTest.onInboundPublish(publish("d-1", "devices/d-2/telemetry", Qos.AT_LEAST_ONCE), output);

    assertThat(producer.history()).isEmpty();
    verify(output)
        .preventPublishDelivery(
            eq(AckReasonCode.NOT_AUTHORIZED), contains("only below devices/{its client id}/"));
    verify(output, never()).async(any(), any(), any(), any());
    assertThat(
            registry.counter("org.iotplatform.bridge.publishes.refused.not-authorized").getCount())
        .isEqualTo(1);
  }

  @Test
  void doesNotForwardUnroutedDeviceTopics() {
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/commands/response", Qos.AT_LEAST_ONCE), output);

    assertThat(producer.history()).isEmpty();
    verifyNoInteractions(output);
  }

  @Test
  void refusesAShadowAnswerFromTheDeviceAsNotAuthorizedAndForwardsNothing() {
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/shadow/update/delta", Qos.AT_LEAST_ONCE), output);

    assertThat(producer.history()).isEmpty();
    verify(output).preventPublishDelivery(eq(AckReasonCode.NOT_AUTHORIZED), contains("answers"));
    assertThat(
            registry.counter("org.iotplatform.bridge.publishes.refused.shadow-answer").getCount())
        .isEqualTo(1);
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
    PublishInboundOutput firstOutput = mock(PublishInboundOutput.class);
    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE, 1), firstOutput);
    PendingAcks.Pending first = acks.find("d-1", 1);

    underTest.onInboundPublish(
        publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE, 2), output);

    // The first fitted and is pipelined; the second waits for room, the publish held.
    verifyNoInteractions(firstOutput);
    assertThat(first).isNotNull();
    verify(output).async(any(), any(), any(), any());
    assertThat(acks.find("d-1", 2)).isNull();
    assertThat(producer.history()).hasSize(1);
    assertThat(inFlight.waiting()).isEqualTo(1);
    producer.completeNext();
    assertThat(first.released()).isCompleted();
    assertThat(producer.history()).hasSize(2);
    assertThat(inFlight.records()).isEqualTo(1);
    verify(async, never()).resume();
    producer.completeNext();
    assertThat(inFlight.records()).isZero();
    verify(async).resume();
  }

  @Test
  void neitherSendsNorHoldsRoomForAWaitingPublishTheBrokerTimedOutMeanwhile() {
    underTest = interceptor(new Limits(1024, 0, 1, 1024));
    inFlight.tryAcquire(1024);
    underTest.onInboundPublish(publish("d-1", "devices/d-1/telemetry", Qos.AT_LEAST_ONCE), output);
    verify(output).async(any(), any(), any(), any());
    assertThat(acks.size()).isZero();
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

  /** Kafka fails a QoS 0 record: the sender is unhealthy and QoS 1 publishes are held. */
  private void kafkaFailedARecord() {
    underTest.onInboundPublish(
        publish("d-0", "devices/d-0/status", Qos.AT_MOST_ONCE), mock(PublishInboundOutput.class));
    producer.errorNext(new TimeoutException("no broker"));
    assertThat(sender.healthy()).isFalse();
    producer.clear();
  }

  private PublishInboundOutput asyncOutput() {
    PublishInboundOutput held = mock(PublishInboundOutput.class);
    when(held.async(any(), any(), any(), any())).thenReturn(async);
    return held;
  }

  /** Kafka got exactly one record: the telemetry payload, untouched. */
  private void assertSentOnlyTelemetry() {
    assertThat(producer.history())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.topic()).isEqualTo(KafkaTopics.TELEMETRY);
              assertThat(record.value()).containsExactly(PAYLOAD);
            });
  }

  private long refused(String reason) {
    return registry.counter(ForwardingMetrics.REFUSED + reason).getCount();
  }

  private PublishInboundInput publish(String clientId, String topic, Qos qos) {
    return publish(clientId, topic, qos, nextPacketId++);
  }

  private static PublishInboundInput publish(String clientId, String topic, Qos qos, int packetId) {
    PublishInboundInput input = mock(PublishInboundInput.class);
    ClientInformation client = mock(ClientInformation.class);
    PublishPacket packet = mock(PublishPacket.class);
    when(input.getClientInformation()).thenReturn(client);
    when(client.getClientId()).thenReturn(clientId);
    when(input.getPublishPacket()).thenReturn(packet);
    when(packet.getTopic()).thenReturn(topic);
    when(packet.getQos()).thenReturn(qos);
    when(packet.getPacketId()).thenReturn(packetId);
    when(packet.getTimestamp()).thenReturn(1_732_280_000_123L);
    when(packet.getPayload()).thenReturn(Optional.of(ByteBuffer.wrap(PAYLOAD).asReadOnlyBuffer()));
    return input;
  }

  private record Call(String clientId, String reason) {}

  /** Records the disconnects; each returns {@link #disconnected}, which the test completes. */
  /**
   * Records calls; answers with the queued {@link #answers} first ({@link #THROWS}: throws), then
   * with {@link #disconnected}.
   */
  private static final class RecordingDisconnector implements Disconnector {
    static final CompletableFuture<Void> THROWS = new CompletableFuture<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Queue<CompletableFuture<Void>> answers = new ConcurrentLinkedQueue<>();
    final CompletableFuture<Void> disconnected = new CompletableFuture<>();

    @Override
    public CompletableFuture<?> disconnect(String clientId, String reason) {
      calls.add(new Call(clientId, reason));
      if (answers.isEmpty()) {
        return disconnected;
      }
      CompletableFuture<Void> answer = answers.poll();
      if (answer == THROWS) {
        throw new IllegalStateException("the broker is stopping");
      }
      return answer;
    }
  }
}
