package org.iotplatform.bridge.internal.forwarding;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.iotplatform.bridge.internal.auth.DeviceTopicAuthorizer;
import org.iotplatform.bridge.internal.limits.LimitRefusal;
import org.iotplatform.bridge.internal.limits.PublishLimits;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards device publishes to Kafka.
 *
 * <p>QoS 1 and 2: the device gets its PUBACK (or PUBREC) only after Kafka acknowledged the record,
 * so a device never deletes a message Kafka does not have. While Kafka answers and there is room in
 * flight, a QoS 1 publish is pipelined (ADR 0024): it goes on through the broker at once and the
 * {@link AckGate} holds its PUBACK until Kafka has the record, so a device's publishes in flight
 * wait for Kafka together; if Kafka then fails, the device is disconnected (MQTT 5: reason code
 * IMPLEMENTATION_SPECIFIC_ERROR) before that PUBACK can leave, and sends the message again.
 * Otherwise (Kafka failing, no room, QoS 2) the publish itself waits, and if Kafka fails or does
 * not answer in time it is refused with IMPLEMENTATION_SPECIFIC_ERROR (MQTT 5) or the client is
 * disconnected (MQTT 3). QoS 0 is sent without waiting, as the device accepted losing it.
 *
 * <p>Limits first: an oversize payload or a device over its rate is refused and not forwarded. Then
 * the in-flight bound: a QoS 0 publish that does not fit is dropped, a QoS 1 or 2 publish waits for
 * room within its acknowledgement timeout. Records go to Kafka on the hand-off executor, so no
 * broker thread waits for Kafka's metadata or buffer.
 *
 * <p>A publish outside the device's own topics is refused here, first, with NOT_AUTHORIZED and the
 * authorizer's reason: the device keeps its connection and gets the reason in its PUBACK (the
 * broker's own refusal after the authorizer disconnects, and the DISCONNECT would overtake a PUBACK
 * the {@link AckGate} sees). One instance serves all clients.
 */
public final class ForwardingInterceptor implements PublishInboundInterceptor {

  static final String NOT_ACCEPTED = "not accepted: the platform could not store the message";
  static final String TIMED_OUT = "not accepted: the platform did not store the message in time";

  /** Attempts to disconnect a device whose record Kafka refused, before its PUBACK goes anyway. */
  static final int DISCONNECT_ATTEMPTS = 5;

  private static final Executor RETRY_DELAY =
      CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS);
  private static final Logger log = LoggerFactory.getLogger(ForwardingInterceptor.class);

  private final DeviceTopicAuthorizer authorizer;
  private final PublishRouter router;
  private final PublishLimits limits;
  private final RecordFactory records;
  private final InFlight inFlight;
  private final Executor handOff;
  private final KafkaSender sender;
  private final ForwardingMetrics metrics;
  private final Duration ackTimeout;
  private final PendingAcks acks;
  private final Disconnector disconnector;

  /**
   * @param handOff runs the sends to Kafka, in the order given (a single thread)
   * @param ackTimeout how long a QoS 1 or 2 publish may wait for room and for Kafka; set it above
   *     the producer's own bounds so that Kafka's verdict, not this timeout, normally decides
   */
  ForwardingInterceptor(
      DeviceTopicAuthorizer authorizer,
      PublishRouter router,
      PublishLimits limits,
      RecordFactory records,
      InFlight inFlight,
      Executor handOff,
      KafkaSender sender,
      ForwardingMetrics metrics,
      Duration ackTimeout,
      PendingAcks acks,
      Disconnector disconnector) {
    this.authorizer = authorizer;
    this.router = router;
    this.limits = limits;
    this.records = records;
    this.inFlight = inFlight;
    this.handOff = handOff;
    this.sender = sender;
    this.metrics = metrics;
    this.ackTimeout = ackTimeout;
    this.acks = acks;
    this.disconnector = disconnector;
  }

  @Override
  public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
    PublishPacket publish = input.getPublishPacket();
    String topic = publish.getTopic();
    String clientId = input.getClientInformation().getClientId();
    Optional<String> forbidden = authorizer.refusePublish(clientId, topic);
    if (forbidden.isPresent()) {
      output.preventPublishDelivery(AckReasonCode.NOT_AUTHORIZED, forbidden.get());
      return;
    }
    Optional<Route> found = router.route(topic);
    if (found.isEmpty()) {
      log.debug("Not forwarding publish to {}: no route", topic);
      return;
    }
    Route route = found.get();
    metrics.publishIn(route.kind());
    Optional<LimitRefusal> refusal = limits.check(route.deviceId(), payloadSize(publish));
    if (refusal.isPresent()) {
      metrics.refused(refusal.get().metric());
      output.preventPublishDelivery(refusal.get().reasonCode(), refusal.get().reasonString());
      return;
    }
    ProducerRecord<byte[], byte[]> record =
        records.create(route, payloadOf(publish), publish.getTimestamp());
    long weight = InFlight.weight(record);
    if (publish.getQos() == Qos.AT_MOST_ONCE) {
      forwardQos0(record, weight, output);
    } else if (publish.getQos() == Qos.AT_LEAST_ONCE
        && sender.healthy()
        && inFlight.tryAcquire(weight)) {
      forwardPipelined(clientId, publish.getPacketId(), record, weight);
    } else {
      Async<PublishInboundOutput> async =
          output.async(
              ackTimeout,
              TimeoutFallback.FAILURE,
              AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
              TIMED_OUT);
      inFlight.acquire(weight, () -> handOff(() -> send(record, weight, output, async), weight));
    }
  }

  private void forwardQos0(
      ProducerRecord<byte[], byte[]> record, long weight, PublishInboundOutput output) {
    if (!inFlight.tryAcquire(weight)) {
      metrics.refused(ForwardingMetrics.DROPPED_QOS0);
      output.preventPublishDelivery();
      return;
    }
    handOff(
        () -> sender.send(record).whenComplete((metadata, error) -> inFlight.release(weight)),
        weight);
  }

  /**
   * QoS 1 while Kafka answers and there is room: the publish goes on through the broker at once and
   * the {@link AckGate} holds its PUBACK until Kafka has the record, so a device's publishes in
   * flight wait for Kafka together instead of one after another (ADR 0024).
   */
  private void forwardPipelined(
      String clientId, int packetId, ProducerRecord<byte[], byte[]> record, long weight) {
    PendingAcks.Pending entry = acks.open(clientId, packetId);
    handOff(
        () ->
            sendUnlessLate(
                record,
                weight,
                entry.age().compareTo(ackTimeout) > 0,
                () -> refuse(entry, ForwardingMetrics.TIMED_OUT),
                error -> {
                  if (error == null) {
                    acks.stored(entry);
                  } else {
                    refuse(entry, ForwardingMetrics.KAFKA_FAILED);
                  }
                }),
        weight,
        () -> refuse(entry, ForwardingMetrics.KAFKA_FAILED));
  }

  /**
   * Kafka does not have a record whose publish the broker went on with: its PUBACK, success by
   * then, must not reach the device, so the device is disconnected (MQTT 5: with a reason code) and
   * sends the message again when it is back.
   */
  private void refuse(PendingAcks.Pending entry, String reason) {
    metrics.refused(reason);
    acks.refused(entry, disconnect(entry.clientId(), DISCONNECT_ATTEMPTS));
  }

  /**
   * Disconnects {@code clientId}, again a moment later while the broker refuses the call (its limit
   * on extension calls, or a throw). After the last failed attempt the PUBACK is let go: the broker
   * would send it when the gate's timeout expires anyway; that is logged as an error.
   */
  private CompletableFuture<?> disconnect(String clientId, int attemptsLeft) {
    CompletableFuture<?> call;
    try {
      call = disconnector.disconnect(clientId, NOT_ACCEPTED);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    return call.handle(
            (ignored, error) -> {
              if (error == null) {
                return CompletableFuture.completedFuture(null);
              }
              if (attemptsLeft <= 1) {
                log.error(
                    "Could not disconnect {} after Kafka refused its record: its PUBACK may report"
                        + " the message stored",
                    clientId,
                    error);
                return CompletableFuture.completedFuture(null);
              }
              return CompletableFuture.runAsync(() -> {}, RETRY_DELAY)
                  .thenCompose(next -> disconnect(clientId, attemptsLeft - 1));
            })
        .thenCompose(next -> next);
  }

  /** Runs {@code send} on the hand-off executor; once that is shut down, gives the room back. */
  private void handOff(Runnable send, long weight) {
    handOff(send, weight, () -> {});
  }

  private void handOff(Runnable send, long weight, Runnable onStopped) {
    try {
      handOff.execute(send);
    } catch (RejectedExecutionException stopping) {
      // The bridge stops: the publish gets no answer before the broker's own timeout.
      inFlight.release(weight);
      onStopped.run();
    }
  }

  private void send(
      ProducerRecord<byte[], byte[]> record,
      long weight,
      PublishInboundOutput output,
      Async<PublishInboundOutput> async) {
    sendUnlessLate(
        record,
        weight,
        // It waited for room longer than the broker waits: refused already.
        async.getStatus() != Async.Status.RUNNING,
        () -> metrics.refused(ForwardingMetrics.TIMED_OUT),
        error -> finish(output, async, error));
  }

  /**
   * Sends {@code record} unless it is {@code late} (it waited longer than its publish may wait): a
   * late record is not sent, its room is given back and {@code whenLate} runs; a sent record gives
   * its room back once Kafka answered, then {@code answered} gets Kafka's error, null if stored.
   */
  private void sendUnlessLate(
      ProducerRecord<byte[], byte[]> record,
      long weight,
      boolean late,
      Runnable whenLate,
      Consumer<@Nullable Throwable> answered) {
    if (late) {
      inFlight.release(weight);
      whenLate.run();
      return;
    }
    sender
        .send(record)
        .whenComplete(
            (metadata, error) -> {
              inFlight.release(weight);
              answered.accept(error);
            });
  }

  private void finish(
      PublishInboundOutput output, Async<PublishInboundOutput> async, @Nullable Throwable error) {
    try {
      // After the broker's timeout the publish is refused already and may not be refused again.
      if (async.getStatus() != Async.Status.RUNNING) {
        metrics.refused(ForwardingMetrics.TIMED_OUT);
      } else if (error != null) {
        metrics.refused(ForwardingMetrics.KAFKA_FAILED);
        output.preventPublishDelivery(AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, NOT_ACCEPTED);
      }
    } catch (UnsupportedOperationException timedOutMeanwhile) {
      log.debug("Publish timed out before Kafka failed it", timedOutMeanwhile);
    } finally {
      async.resume();
    }
  }

  private static int payloadSize(PublishPacket publish) {
    return publish.getPayload().map(ByteBuffer::remaining).orElse(0);
  }

  private static byte[] payloadOf(PublishPacket publish) {
    return publish
        .getPayload()
        .map(
            buffer -> {
              // The broker's buffer is shared and read-only: copy through a duplicate.
              ByteBuffer view = buffer.duplicate();
              byte[] bytes = new byte[view.remaining()];
              view.get(bytes);
              return bytes;
            })
        .orElseGet(() -> new byte[0]);
  }
}
