package org.iotplatform.testsupport;

/** Kafka topic names for tests that share the JVM's broker. */
public final class TestTopics {

  private TestTopics() {}

  /**
   * {@code base} with a suffix unique to this call, for example {@code iot.telemetry.v1-k3x9a-7}.
   */
  public static String unique(String base) {
    return base + "-" + RunId.next();
  }
}
