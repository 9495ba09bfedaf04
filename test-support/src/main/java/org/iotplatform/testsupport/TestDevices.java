package org.iotplatform.testsupport;

import java.util.List;
import java.util.stream.IntStream;
import org.iotplatform.contracts.DeviceTopic;

/** Device ids for tests. */
public final class TestDevices {

  private TestDevices() {}

  /**
   * {@code n} valid device ids ({@link DeviceTopic#DEVICE_ID}), different from those of every other
   * call, so that tests sharing a server do not see each other's devices.
   */
  public static List<String> create(int n) {
    String prefix = "dev-" + RunId.next() + "-";
    return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
  }

  /** One device id, as {@link #create} makes them. */
  public static String createOne() {
    return create(1).get(0);
  }
}
