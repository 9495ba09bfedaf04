package org.iotplatform.bridge.internal.forwarding;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;

/** Counts of records Kafka accepted and refused, in the broker's metric registry. */
public final class ForwardingMetrics {

  static final String FORWARDED = "org.iotplatform.bridge.records.forwarded";
  static final String FAILED = "org.iotplatform.bridge.records.failed";

  private final Counter forwarded;
  private final Counter failed;

  public ForwardingMetrics(MetricRegistry registry) {
    this.forwarded = registry.counter(FORWARDED);
    this.failed = registry.counter(FAILED);
  }

  void recordForwarded() {
    forwarded.inc();
  }

  void recordFailed() {
    failed.inc();
  }
}
