package org.iotplatform.sdk.internal.shadow;

/**
 * Decides which deltas reach the listener. A get answer and a pushed delta may cross on their way
 * to the device (the AWS SDKs' well-known race), and a delta may be delivered twice (QoS 1): a
 * delta older than a version already seen is stale, a version already handed over is a repeat.
 * Thread-safe.
 */
final class VersionGate {

  private long highest;
  private long delivered = -1;

  /** Notes a version seen in any answer. */
  synchronized void seen(long version) {
    highest = Math.max(highest, version);
  }

  /**
   * Whether a delta of {@code version} goes to the listener: not older than the highest version
   * seen, and not handed over before. An admitted version counts as seen and as handed over.
   */
  synchronized boolean admit(long version) {
    if (version < highest || version == delivered) {
      return false;
    }
    highest = version;
    delivered = version;
    return true;
  }

  synchronized long highest() {
    return highest;
  }
}
