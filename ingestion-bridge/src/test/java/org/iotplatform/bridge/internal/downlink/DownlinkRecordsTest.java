package org.iotplatform.bridge.internal.downlink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.iotplatform.bridge.internal.downlink.DownlinkRecords.Deliver;
import org.iotplatform.bridge.internal.downlink.DownlinkRecords.Expired;
import org.iotplatform.bridge.internal.downlink.DownlinkRecords.Invalid;
import org.iotplatform.bridge.internal.downlink.DownlinkRecords.Verdict;
import org.iotplatform.contracts.DownlinkMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DownlinkRecordsTest {

  private static final Instant T0 = Instant.parse("2024-11-22T13:00:00Z");

  @Test
  void deliversAMessageForTheKeyedDeviceWithItsPayloadText() {
    Verdict underTest =
        read(
            "d-1",
            """
            {"topic":"devices/d-1/commands","payload":"{\\"commandId\\":\\"c-7\\"}",
             "qos":1,"retain":false,"producedBy":"a later field"}
            """);

    assertThat(underTest)
        .isEqualTo(
            new Deliver(
                "d-1",
                new DownlinkMessage(
                    "devices/d-1/commands", "{\"commandId\":\"c-7\"}", 1, false, null),
                null));
  }

  @Test
  void turnsTheTimeLeftBeforeExpiryIntoTheMessageExpiry() {
    Verdict underTest =
        read(
            "d-1",
            """
            {"topic":"devices/d-1/ota/jobs","payload":"{}","qos":1,"retain":false,
             "expiresAt":"2024-11-22T13:01:30Z"}
            """);

    assertThat(underTest).isInstanceOf(Deliver.class);
    assertThat(((Deliver) underTest).expiry()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void dropsAnExpiredMessage() {
    Verdict underTest =
        read(
            "d-1",
            """
            {"topic":"devices/d-1/commands","payload":"{}","qos":1,"retain":false,
             "expiresAt":"2024-11-22T13:00:00Z"}
            """);

    assertThat(underTest).isEqualTo(new Expired("d-1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"topic\":\"devices/d-2/commands\",\"payload\":\"{}\",\"qos\":1,\"retain\":false}",
        "{\"topic\":\"devices/d-1/commands\",\"payload\":\"{}\",\"retain\":false}",
        "{\"topic\":\"devices/d-1/commands\",\"payload\":\"{}\",\"qos\":1}",
        "{\"topic\":\"devices/d-1/#\",\"payload\":\"{}\",\"qos\":1,\"retain\":false}",
        "{\"topic\":\"devices/d-1/commands\",\"payload\":\"{}\",\"qos\":2,\"retain\":false}",
        "{\"topic\":\"devices/d-1/commands\",\"qos\":1,\"retain\":false}",
        "{\"payload\":\"{}\",\"qos\":1,\"retain\":false}",
        "{\"topic\":\"devices/d-1/commands\",\"payload\":\"{}\",\"qos\":1,\"retain\":false,\"expiresAt\":\"soon\"}",
        "not json",
        "[]"
      })
  void refusesARecordTheContractDoesNotAllow(String value) {
    assertThat(read("d-1", value)).isInstanceOf(Invalid.class);
  }

  @Test
  void refusesAKeyThatIsNotADeviceIdAndATombstone() {
    String value =
        "{\"topic\":\"devices/d-1/commands\",\"payload\":\"{}\",\"qos\":1,\"retain\":false}";

    assertThat(DownlinkRecords.read(null, value.getBytes(UTF_8), T0)).isInstanceOf(Invalid.class);
    assertThat(DownlinkRecords.read("d/1", value.getBytes(UTF_8), T0)).isInstanceOf(Invalid.class);
    assertThat(DownlinkRecords.read("d-1", null, T0)).isInstanceOf(Invalid.class);
  }

  @Test
  void roundsTheExpiryUpToWholeSecondsSoALiveMessageNeverExpiresEarly() {
    assertThat(BrokerDelivery.seconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(BrokerDelivery.seconds(Duration.ofMillis(1_001))).isEqualTo(2);
    assertThat(BrokerDelivery.seconds(Duration.ofSeconds(90))).isEqualTo(90);
    assertThat(BrokerDelivery.seconds(Duration.ofDays(365 * 1000))).isEqualTo(0xFFFF_FFFFL);
  }

  private static Verdict read(String key, String value) {
    return DownlinkRecords.read(key, value.getBytes(UTF_8), T0);
  }
}
