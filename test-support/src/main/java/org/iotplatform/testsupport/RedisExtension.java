package org.iotplatform.testsupport;

import org.iotplatform.servers.RedisServer;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Gives tests the JVM's {@link RedisServer} and deletes all keys (FLUSHALL) before each test. */
public final class RedisExtension extends ServerExtension<RedisServer> {

  public RedisExtension() {
    super(RedisServer.class);
  }

  @Override
  RedisServer server() {
    return TestServers.redis();
  }

  @Override
  void reset(ExtensionContext context) {
    server().flushAll();
  }
}
