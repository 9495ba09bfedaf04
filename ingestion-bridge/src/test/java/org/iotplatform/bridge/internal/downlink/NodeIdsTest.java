package org.iotplatform.bridge.internal.downlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.iotplatform.contracts.DeviceTopic;
import org.junit.jupiter.api.Test;

class NodeIdsTest {

  @Test
  void staysTheSameForTheSameHostAndDataFolder() {
    assertThat(NodeIds.of("host-a", Path.of("/var/hivemq/data")))
        .isEqualTo(NodeIds.of("host-a", Path.of("/var/hivemq/./data")));
  }

  @Test
  void differsBetweenTwoBrokersOnOneHost() {
    assertThat(NodeIds.of("host-a", Path.of("/srv/node-1/data")))
        .isNotEqualTo(NodeIds.of("host-a", Path.of("/srv/node-2/data")));
  }

  @Test
  void isAValidNodeIdWhateverTheHostName() {
    String underTest = NodeIds.of("hive mq:0/pod", Path.of("/data"));

    assertThat(underTest).startsWith("hive_mq_0_pod-");
    assertThat(DeviceTopic.isValidDeviceId(underTest)).isTrue();
  }
}
