package org.iotplatform.shadow.store;

/** The names of the service's Redis keys, all below {@code iot:shadow:}. */
final class RedisKeys {

  static final String PREFIX = "iot:shadow:";

  /** Hash: device id to tenant id, from the registry's device snapshots. */
  static final String DEVICES = PREFIX + "devices";

  /** Stream: Kafka records changes send, until the relay has sent them. */
  static final String OUTBOX = PREFIX + "outbox";

  private RedisKeys() {}

  /** Hash {@code version}, {@code doc} (storage JSON), {@code tenant}. */
  static String document(ShadowKey key) {
    return PREFIX + "doc:" + key.member();
  }

  /** List of the latest documents, newest first. */
  static String history(ShadowKey key) {
    return PREFIX + "history:" + key.member();
  }

  /** Set of a device's shadow names; the empty string is the classic shadow. */
  static String names(String deviceId) {
    return PREFIX + "names:" + deviceId;
  }
}
