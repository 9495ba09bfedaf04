package org.iotplatform.testsupport;

import org.iotplatform.servers.HiveMqServer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives tests the JVM's {@link HiveMqServer} without extensions. Brokers with an extension (the
 * ingestion bridge's) come from {@link TestServers#hiveMq(java.util.function.Supplier)}.
 *
 * <p>Nothing is reset: the broker persists in memory only, and tests use their own client ids and
 * device topics ({@link TestDevices}).
 */
public final class HiveMqExtension extends ServerExtension<HiveMqServer> {

  public HiveMqExtension() {
    super(HiveMqServer.class);
  }

  @Override
  HiveMqServer server() {
    return TestServers.hiveMq();
  }

  @Override
  void reset(ExtensionContext context) {
    // See the class comment.
  }
}
