package org.iotplatform.sdk.internal;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/** Reads how an MQTT publish ended: delivered, refused for good, or to be tried again. */
final class PublishOutcomes {

  /**
   * Refusals that pass: {@code 0x83} is what the platform's bridge answers while Kafka is
   * unavailable, {@code 0x97} a rate limit, {@code 0x80} an unspecified broker-side failure. Every
   * other error reason code (not authorized, payload format invalid, topic invalid) would be
   * refused again, so the message is given up instead of blocking the buffer behind it.
   */
  static final Set<Integer> TRANSIENT_REASON_CODES = Set.of(0x80, 0x83, 0x97);

  private PublishOutcomes() {}

  static SendOutcome of(@Nullable Mqtt5PublishResult result, @Nullable Throwable error) {
    Throwable failure = error instanceof CompletionException ? error.getCause() : error;
    if (failure == null && result != null && result.getError().isPresent()) {
      failure = result.getError().get();
    }
    if (failure instanceof Mqtt5PubAckException refusal) {
      return refusal(refusal.getMqttMessage());
    }
    if (failure != null) {
      return SendOutcome.retry(failure.toString());
    }
    if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1
        && qos1.getPubAck().getReasonCode().isError()) {
      return refusal(qos1.getPubAck());
    }
    return SendOutcome.DELIVERED;
  }

  private static SendOutcome refusal(Mqtt5PubAck pubAck) {
    int code = pubAck.getReasonCode().getCode();
    String reason = pubAck.getReasonString().map(Object::toString).orElse(null);
    return TRANSIENT_REASON_CODES.contains(code)
        ? SendOutcome.retry("reason code " + code + (reason == null ? "" : ": " + reason))
        : SendOutcome.refused(code, reason);
  }
}
