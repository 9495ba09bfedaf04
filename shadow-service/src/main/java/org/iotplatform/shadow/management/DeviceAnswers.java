package org.iotplatform.shadow.management;

import java.time.Clock;
import java.util.Optional;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.contracts.ShadowTopic;
import org.iotplatform.contracts.ShadowTopic.Operation;
import org.iotplatform.contracts.ShadowTopic.Response;
import org.iotplatform.shadow.document.ShadowMessages;
import org.iotplatform.shadow.document.ShadowRejectedException;
import org.iotplatform.shadow.store.ShadowKey;
import org.iotplatform.shadow.store.ShadowStore;
import org.iotplatform.shadow.store.StoredShadow;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Answers that change nothing and so need no outbox: {@code /get/accepted}, every {@code
 * /rejected}, and the delta pushed when a device connects. Sent straight to {@code
 * iot.downlink.v1}, not awaited: a lost one is asked for again by the device, whose request times
 * out. Thread-safe.
 */
public class DeviceAnswers {

  private final ShadowStore store;
  private final KafkaTemplate<String, String> kafka;
  private final Clock clock;

  public DeviceAnswers(ShadowStore store, KafkaTemplate<String, String> kafka, Clock clock) {
    this.store = store;
    this.kafka = kafka;
    this.clock = clock;
  }

  /** Answers a get: the document with its delta, or a 404 refusal. */
  public void answerGet(ShadowTopic request, @Nullable String clientToken) {
    StoredShadow stored = store.read(ShadowKey.of(request));
    if (!stored.exists()) {
      reject(request, ShadowManagement.notFound(ShadowKey.of(request)), clientToken);
      return;
    }
    send(
        request.deviceId(),
        request.responseTopic(Response.ACCEPTED),
        ShadowMessages.getAccepted(stored.document(), clientToken));
  }

  /** Answers {@code request} on its {@code /rejected} topic. */
  public void reject(
      ShadowTopic request, ShadowRejectedException refusal, @Nullable String clientToken) {
    String token = refusal.clientToken() != null ? refusal.clientToken() : clientToken;
    send(
        request.deviceId(),
        request.responseTopic(Response.REJECTED),
        refusal.toRejectedJson(token, clock.instant()));
  }

  /**
   * Sends each of the device's shadows that has a delta to its {@code /update/delta} topic: what a
   * device that was offline has not applied yet, every desired key not reported.
   *
   * @return how many deltas were sent
   */
  public int pushDeltas(String deviceId) {
    int pushed = 0;
    for (ShadowKey key : store.shadowsOf(deviceId)) {
      StoredShadow stored = store.read(key);
      Optional<String> delta =
          stored.exists() ? ShadowMessages.delta(stored.document(), null) : Optional.empty();
      if (delta.isPresent()) {
        send(deviceId, key.topic(Operation.UPDATE).responseTopic(Response.DELTA), delta.get());
        pushed++;
      }
    }
    return pushed;
  }

  private void send(String deviceId, String topic, String payload) {
    kafka.send(KafkaTopics.DOWNLINK, deviceId, DownlinkJson.qos1(topic, payload));
  }
}
