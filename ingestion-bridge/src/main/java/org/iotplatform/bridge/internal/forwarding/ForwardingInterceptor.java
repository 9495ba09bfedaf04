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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.iotplatform.bridge.internal.auth.DeviceTopicPolicy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards device publishes to Kafka.
 *
 * <p>QoS 1 and 2: the broker acknowledges the publish (PUBACK or PUBREC) only after Kafka
 * acknowledged the record, so a device never deletes a message Kafka does not have; if Kafka fails
 * or does not answer in time, the publish is refused with IMPLEMENTATION_SPECIFIC_ERROR (MQTT 5) or
 * the client is disconnected (MQTT 3), and the device sends it again. QoS 0 is sent without
 * waiting, as the device accepted losing it.
 *
 * <p>The broker calls inbound interceptors before its authorizers, so a publish the authorizer will
 * refuse is never forwarded here. One instance serves all clients; it holds no state of its own.
 */
public final class ForwardingInterceptor implements PublishInboundInterceptor {

  static final String NOT_ACCEPTED = "not accepted: the platform could not store the message";
  static final String TIMED_OUT = "not accepted: the platform did not store the message in time";

  private static final Logger log = LoggerFactory.getLogger(ForwardingInterceptor.class);

  private final DeviceTopicPolicy policy;
  private final PublishRouter router;
  private final RecordFactory records;
  private final KafkaSender sender;
  private final Duration ackTimeout;

  /**
   * @param ackTimeout how long a QoS 1 or 2 publish may wait for Kafka; set it above the producer's
   *     own bounds so that Kafka's verdict, not this timeout, normally decides
   */
  public ForwardingInterceptor(
      DeviceTopicPolicy policy,
      PublishRouter router,
      RecordFactory records,
      KafkaSender sender,
      Duration ackTimeout) {
    this.policy = policy;
    this.router = router;
    this.records = records;
    this.sender = sender;
    this.ackTimeout = ackTimeout;
  }

  @Override
  public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
    PublishPacket publish = input.getPublishPacket();
    String topic = publish.getTopic();
    if (!policy.mayPublish(input.getClientInformation().getClientId(), topic)) {
      return; // the authorizer refuses it next
    }
    Optional<Route> route = router.route(topic);
    if (route.isEmpty()) {
      log.debug("Not forwarding publish to {}: no route", topic);
      return;
    }
    ProducerRecord<byte[], byte[]> record =
        records.create(route.get(), payloadOf(publish), publish.getTimestamp());
    if (publish.getQos() == Qos.AT_MOST_ONCE) {
      sender.send(record);
      return;
    }
    Async<PublishInboundOutput> async =
        output.async(
            ackTimeout,
            TimeoutFallback.FAILURE,
            AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
            TIMED_OUT);
    sender.send(record).whenComplete((metadata, error) -> finish(output, async, error));
  }

  private static void finish(
      PublishInboundOutput output, Async<PublishInboundOutput> async, @Nullable Throwable error) {
    try {
      // After the broker's timeout the publish is refused already and may not be refused again.
      if (error != null && async.getStatus() == Async.Status.RUNNING) {
        output.preventPublishDelivery(AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, NOT_ACCEPTED);
      }
    } catch (UnsupportedOperationException timedOutMeanwhile) {
      log.debug("Publish timed out before Kafka failed it", timedOutMeanwhile);
    } finally {
      async.resume();
    }
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
