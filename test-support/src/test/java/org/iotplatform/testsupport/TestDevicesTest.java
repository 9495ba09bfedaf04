package org.iotplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iotplatform.contracts.DeviceTopic;
import org.junit.jupiter.api.Test;

class TestDevicesTest {

  @Test
  void createsValidDeviceIdsThatDifferBetweenCalls() {
    List<String> all = new ArrayList<>(TestDevices.create(3));
    all.addAll(TestDevices.create(3));

    assertThat(all).hasSize(6).doesNotHaveDuplicates().allMatch(DeviceTopic::isValidDeviceId);
  }

  @Test
  void namesInstantsOnATimeline() {
    assertThat(TestInstants.ONE_MINUTE_LATER).isEqualTo(TestInstants.T0.plusSeconds(60));
    assertThat(TestInstants.T0.getEpochSecond() % 3600).isZero();
  }
}
