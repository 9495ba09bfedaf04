package org.iotplatform.alerts.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NotificationMessageTest {

  private static final Instant T0 = Instant.parse("2026-11-22T13:00:00Z");

  @Test
  void aSingleAlertReadsAsOneSentence() {
    NotificationMessage underTest =
        NotificationMessage.of("t", "r", "Freezer too warm", "HIGH", 1, 0, items(1, "FIRED"));

    assertThat(MessageText.summary(underTest))
        .isEqualTo("[HIGH] Freezer too warm fired on dev-0: temperature -12.5 > -15.0");
    assertThat(underTest.omitted()).isZero();
  }

  @Test
  void aGroupCountsAllAndListsTheFirstDevices() {
    NotificationMessage underTest =
        NotificationMessage.of("t", "r", "Freezer too warm", "HIGH", 9_999, 0, items(3, "FIRED"));

    assertThat(underTest.total()).isEqualTo(9_999);
    assertThat(underTest.omitted()).isEqualTo(9_996);
    assertThat(MessageText.summary(underTest))
        .isEqualTo("[HIGH] Freezer too warm fired 9,999 times: dev-0, dev-1, dev-2 and 9,996 more");
    assertThat(MessageText.subject(underTest))
        .isEqualTo("[HIGH] Freezer too warm fired 9,999 times");
    assertThat(MessageText.body(underTest))
        .contains("FIRED: 9,999, RESOLVED: 0")
        .contains("FIRED dev-2 at 2026-11-22T13:00:00Z")
        .endsWith("... and 9,996 more\n");
  }

  @Test
  void aFlappingDeviceIsNamedOnceWithBothCounts() {
    List<NotificationItem> flaps =
        IntStream.range(0, 6)
            .mapToObj(i -> item("dev-7", i % 2 == 0 ? "FIRED" : "RESOLVED"))
            .toList();
    NotificationMessage underTest =
        NotificationMessage.of("t", "r", "Freezer too warm", "HIGH", 3, 3, flaps);

    assertThat(MessageText.summary(underTest))
        .isEqualTo("[HIGH] Freezer too warm fired 3 times and resolved 3 times: dev-7");
  }

  @Test
  void cutsALongSingleAlertSubjectTo200Characters() {
    NotificationMessage underTest =
        NotificationMessage.of("t", "r", "x".repeat(300), "LOW", 1, 0, items(1, "FIRED"));

    assertThat(MessageText.subject(underTest)).hasSize(200).endsWith("...");
  }

  private static List<NotificationItem> items(int n, String event) {
    return IntStream.range(0, n).mapToObj(i -> item("dev-" + i, event)).toList();
  }

  private static NotificationItem item(String device, String event) {
    return new NotificationItem(
        UUID.randomUUID(),
        "r/" + device + "/1",
        event,
        device,
        "temperature",
        -12.5,
        "temperature -12.5 > -15.0",
        T0);
  }
}
