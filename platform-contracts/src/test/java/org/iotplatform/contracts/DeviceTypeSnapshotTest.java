package org.iotplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceTypeSnapshotTest {

  @Test
  void keyJoinsTenantAndNameWithASlash() {
    assertThat(DeviceTypeSnapshot.key("acme", "thermometer")).isEqualTo("acme/thermometer");
  }
}
