package org.iotplatform.testsupport;

import org.iotplatform.servers.InfluxServer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives tests the JVM's {@link InfluxServer} and deletes every point of every database before each
 * test. Databases, retention policies and continuous queries stay, so that an application context
 * that created them at start-up keeps working.
 */
public final class InfluxExtension extends ServerExtension<InfluxServer> {

  public InfluxExtension() {
    super(InfluxServer.class);
  }

  @Override
  InfluxServer server() {
    return TestServers.influx();
  }

  @Override
  void reset(ExtensionContext context) {
    server().deleteAllData();
  }
}
