package org.iotplatform.bridge.internal.forwarding;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The forwarding's metrics, in the broker's metric registry: publishes in per route, records Kafka
 * accepted and refused, publishes refused by reason, Kafka's send latency and what is in flight,
 * PUBACKs waiting for Kafka included.
 */
public final class ForwardingMetrics {

  static final String PREFIX = "org.iotplatform.bridge.";
  static final String FORWARDED = PREFIX + "records.forwarded";
  static final String FAILED = PREFIX + "records.failed";
  static final String PUBLISHES_IN = PREFIX + "publishes.in.";
  static final String REFUSED = PREFIX + "publishes.refused.";
  static final String SEND_LATENCY = PREFIX + "kafka.send.latency";
  static final String IN_FLIGHT_BYTES = PREFIX + "in-flight.bytes";
  static final String IN_FLIGHT_RECORDS = PREFIX + "in-flight.records";
  static final String IN_FLIGHT_WAITING = PREFIX + "in-flight.waiting";
  static final String IN_FLIGHT_PEAK_BYTES = PREFIX + "in-flight.peak-bytes";
  static final String PUBACKS_PENDING = PREFIX + "pubacks.pending";

  static final String KAFKA_FAILED = "kafka-failed";
  static final String TIMED_OUT = "timed-out";
  static final String DROPPED_QOS0 = "dropped-qos0";

  private final MetricRegistry registry;
  private final Counter forwarded;
  private final Counter failed;
  private final Timer sendLatency;

  public ForwardingMetrics(MetricRegistry registry) {
    this.registry = registry;
    this.forwarded = registry.counter(FORWARDED);
    this.failed = registry.counter(FAILED);
    this.sendLatency = registry.timer(SEND_LATENCY);
  }

  void recordForwarded() {
    forwarded.inc();
  }

  void recordFailed() {
    failed.inc();
  }

  void sendLatency(long nanos) {
    sendLatency.update(nanos, TimeUnit.NANOSECONDS);
  }

  /** A publish to a forwarded device topic arrived; {@code route} is its kind, e.g. telemetry. */
  void publishIn(String route) {
    registry.counter(PUBLISHES_IN + route).inc();
  }

  /** A publish was refused or dropped for {@code reason}, e.g. {@value #TIMED_OUT}. */
  void refused(String reason) {
    registry.counter(REFUSED + reason).inc();
  }

  /**
   * Publishes the state of {@code inFlight} and {@code acks} (PUBACKs waiting for Kafka) as gauges,
   * replacing those of an earlier start.
   */
  void watch(InFlight inFlight, PendingAcks acks) {
    gauge(IN_FLIGHT_BYTES, inFlight::bytes);
    gauge(IN_FLIGHT_RECORDS, inFlight::records);
    gauge(IN_FLIGHT_WAITING, inFlight::waiting);
    gauge(IN_FLIGHT_PEAK_BYTES, inFlight::peakBytes);
    gauge(PUBACKS_PENDING, acks::size);
  }

  private <T> void gauge(String name, Gauge<T> gauge) {
    registry.remove(name);
    registry.register(name, gauge);
  }
}
