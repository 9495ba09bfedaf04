package org.iotplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.servers.RedisServer;
import org.iotplatform.servers.ServerStartException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartFailuresIT {

  @Test
  void refusesAPortInUseNamingTheServerAndThePort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> RedisServer.start(port, null))
          .isInstanceOf(ServerStartException.class)
          .hasMessageContaining("Redis")
          .hasMessageContaining("127.0.0.1:" + port + " is already in use")
          .matches(e -> ((ServerStartException) e).isPortConflict());
      assertThatThrownBy(() -> KafkaServer.start(port))
          .isInstanceOf(ServerStartException.class)
          .hasMessageContaining("Kafka")
          .hasMessageContaining("already in use");
    }
  }

  @Test
  void reportsTheLastLogLinesWhenTheServerExits(@TempDir Path dataDir) throws IOException {
    Path aof = Files.createDirectories(dataDir.resolve("appendonlydir"));
    Files.writeString(aof.resolve("appendonly.aof.manifest"), "not a manifest\n");

    assertThatThrownBy(() -> RedisServer.start(0, dataDir))
        .isInstanceOf(ServerStartException.class)
        .hasMessageContaining("Redis exited with code")
        .hasMessageContaining("redis.log")
        .hasMessageContaining("manifest");
  }
}
