package org.iotplatform.bridge.internal.downlink;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;

/** Counts of downlink records by what became of them, in the broker's metric registry. */
final class DownlinkMetrics {

  static final String DELIVERED = "org.iotplatform.bridge.downlink.delivered";
  static final String NOT_HERE = "org.iotplatform.bridge.downlink.skipped.not-here";
  static final String NOT_SUBSCRIBED = "org.iotplatform.bridge.downlink.skipped.not-subscribed";
  static final String INVALID = "org.iotplatform.bridge.downlink.invalid";
  static final String EXPIRED = "org.iotplatform.bridge.downlink.expired";
  static final String FAILED = "org.iotplatform.bridge.downlink.failed";

  private final Counter delivered;
  private final Counter notHere;
  private final Counter notSubscribed;
  private final Counter invalid;
  private final Counter expired;
  private final Counter failed;

  DownlinkMetrics(MetricRegistry registry) {
    this.delivered = registry.counter(DELIVERED);
    this.notHere = registry.counter(NOT_HERE);
    this.notSubscribed = registry.counter(NOT_SUBSCRIBED);
    this.invalid = registry.counter(INVALID);
    this.expired = registry.counter(EXPIRED);
    this.failed = registry.counter(FAILED);
  }

  void outcome(DeviceDelivery.Outcome outcome) {
    switch (outcome) {
      case DELIVERED -> delivered.inc();
      case NOT_HERE -> notHere.inc();
      case NOT_SUBSCRIBED -> notSubscribed.inc();
    }
  }

  void invalid() {
    invalid.inc();
  }

  void expired() {
    expired.inc();
  }

  void failed() {
    failed.inc();
  }
}
