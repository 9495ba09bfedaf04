package org.iotplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceEventTypeTest {

  @Test
  void readsEveryTypeBackFromItsHeaderValue() {
    for (DeviceEventType type : DeviceEventType.values()) {
      assertThat(DeviceEventType.fromHeader(type.headerValue())).contains(type);
    }
    assertThat(DeviceEventType.CONNECTED.headerValue()).isEqualTo("connected");
  }

  @Test
  void namesNoTypeForAnUnknownOrUpperCaseValue() {
    assertThat(DeviceEventType.fromHeader("rebooted")).isEmpty();
    assertThat(DeviceEventType.fromHeader("CONNECTED")).isEmpty();
  }
}
