package org.iotplatform.shadow.device;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.contracts.ShadowTopic;
import org.iotplatform.shadow.document.ShadowRejectedException;
import org.iotplatform.shadow.document.ShadowUpdate;
import org.iotplatform.shadow.management.Actor;
import org.iotplatform.shadow.management.DeviceAnswers;
import org.iotplatform.shadow.management.ShadowManagement;
import org.iotplatform.shadow.store.ShadowKey;
import org.iotplatform.shadow.store.ShadowStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Serves the devices' shadow requests forwarded by the bridge. A refused request is answered on its
 * {@code /rejected} topic; a failure of Redis or Kafka is thrown to the container, which retries
 * the record with back-off and commits nothing past it: a request the broker acknowledged to the
 * device is never skipped.
 */
class ShadowRequestListener {

  private static final Logger log = LoggerFactory.getLogger(ShadowRequestListener.class);

  private final ShadowManagement shadows;
  private final DeviceAnswers answers;
  private final ShadowStore store;
  private final MeterRegistry meters;

  ShadowRequestListener(
      ShadowManagement shadows, DeviceAnswers answers, ShadowStore store, MeterRegistry meters) {
    this.shadows = shadows;
    this.answers = answers;
    this.store = store;
    this.meters = meters;
  }

  @KafkaListener(
      id = "shadow-requests",
      topics = KafkaTopics.SHADOW,
      groupId = "${iot.shadow.kafka.group-prefix:shadow-service}-requests",
      concurrency = "${iot.shadow.kafka.request-concurrency:2}")
  void onRequest(ConsumerRecord<String, String> record) {
    String mqttTopic = header(record, KafkaHeaders.MQTT_TOPIC);
    Optional<ShadowTopic> parsed =
        mqttTopic == null ? Optional.empty() : ShadowTopic.parse(mqttTopic);
    if (parsed.isEmpty() || !parsed.get().deviceId().equals(record.key())) {
      log.warn("Skipping a shadow request with topic {} and key {}", mqttTopic, record.key());
      return;
    }
    ShadowTopic request = parsed.get();
    String payload = record.value() == null ? "" : record.value();
    String outcome = "accepted";
    try {
      switch (request.operation()) {
        case GET -> answers.answerGet(request, RequestToken.of(payload));
        case UPDATE -> update(record, request, payload);
        case DELETE -> delete(record, request, RequestToken.of(payload));
      }
    } catch (ShadowRejectedException e) {
      outcome = e.rejection().code();
      // The payload is read for its token again only for a refusal, which is rare.
      answers.reject(request, e, RequestToken.of(payload));
    }
    meters
        .counter(
            "iot.shadow.device.requests",
            "operation",
            request.operation().level(),
            "outcome",
            outcome)
        .increment();
  }

  private void update(ConsumerRecord<String, String> record, ShadowTopic request, String payload) {
    ShadowUpdate update = ShadowUpdate.parse(payload.getBytes(StandardCharsets.UTF_8));
    tenant(record)
        .ifPresent(
            tenant ->
                shadows.update(
                    ShadowKey.of(request), tenant, update, Actor.device(request.deviceId())));
  }

  private void delete(
      ConsumerRecord<String, String> record, ShadowTopic request, @Nullable String clientToken) {
    tenant(record)
        .ifPresent(
            tenant ->
                shadows.delete(
                    ShadowKey.of(request),
                    tenant,
                    null,
                    clientToken,
                    Actor.device(request.deviceId())));
  }

  /** The bridge's tenant header; the device directory for a record without one. */
  private Optional<String> tenant(ConsumerRecord<String, String> record) {
    String tenant = header(record, KafkaHeaders.TENANT_ID);
    Optional<String> found = tenant != null ? Optional.of(tenant) : store.tenantOf(record.key());
    if (found.isEmpty()) {
      log.warn("Skipping a shadow request of {}: no tenant known for the device", record.key());
    }
    return found;
  }

  private static @Nullable String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : KafkaHeaders.decode(header.value());
  }
}
