package org.iotplatform.systemtests.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * What one phase of the shadow benchmark sent and received: every desired update by its sequence
 * number until its delta arrives, the time from just before the PATCH to the delta's arrival, and
 * the PATCH's response time. Thread-safe: the sender, the HTTP client's threads and the MQTT
 * client's threads all report here.
 */
final class ShadowPhase {

  // The delta's "state" comes first and holds "seq":N; its metadata has "seq":{"timestamp":...}.
  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

  private final ConcurrentHashMap<Long, Long> pending = new ConcurrentHashMap<>();
  private final Recorder deltaLatency = new Recorder(3);
  private final Recorder responseTime = new Recorder(3);
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong deltas = new AtomicLong();
  private final AtomicLong unmatched = new AtomicLong();
  private final AtomicReference<@Nullable String> firstRefusal = new AtomicReference<>();

  /** An update {@code seq} is about to be sent; {@code startNanos} is {@link System#nanoTime()}. */
  void sending(long seq, long startNanos) {
    pending.put(seq, startNanos);
  }

  /** The service answered 200 after {@code nanos}. */
  void accepted(long nanos) {
    responseTime.recordValue(nanos);
    accepted.incrementAndGet();
  }

  /** The service refused update {@code seq}, or it failed: no delta is to come. */
  void refused(long seq, String why) {
    pending.remove(seq);
    refused.incrementAndGet();
    firstRefusal.compareAndSet(null, why);
  }

  /** A delta arrived at a device at {@code arrivalNanos}. */
  void delta(byte[] payload, long arrivalNanos) {
    Matcher seq = SEQ.matcher(new String(payload, US_ASCII));
    Long start = seq.find() ? pending.remove(Long.parseLong(seq.group(1))) : null;
    if (start == null) {
      // Not this phase's, or a second delivery of one already counted (QoS 1 is at least once).
      unmatched.incrementAndGet();
      return;
    }
    deltaLatency.recordValue(Math.max(0, arrivalNanos - start));
    deltas.incrementAndGet();
  }

  /** Updates whose delta has not arrived (and that were not refused). */
  int pending() {
    return pending.size();
  }

  long accepted() {
    return accepted.get();
  }

  long refused() {
    return refused.get();
  }

  long deltas() {
    return deltas.get();
  }

  long unmatched() {
    return unmatched.get();
  }

  String firstRefusal() {
    String why = firstRefusal.get();
    return why == null ? "" : why;
  }

  /** PATCH to delta arrival, in nanoseconds, since the previous call: read it once, at the end. */
  Histogram deltaLatency() {
    return deltaLatency.getIntervalHistogram();
  }

  /** PATCH to its response, in nanoseconds, since the previous call. */
  Histogram responseTime() {
    return responseTime.getIntervalHistogram();
  }
}
