package org.iotplatform.alerts.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iotplatform.alerts.ChannelDirectory.ChannelTarget;
import org.iotplatform.alerts.alert.AlertsITBase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deliveries survive the instance that claimed them: one whose lease ran out (its instance died
 * mid-attempt) is sent, and a row that cannot be read ends dead without holding up the others.
 */
class DeliveryRecoveryIT extends AlertsITBase {

  private static final Duration BOUND = Duration.ofSeconds(30);

  private final JdbcClient jdbc;

  DeliveryRecoveryIT(@Autowired JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Test
  void aDeliveryWhoseLeaseRanOutIsSent() {
    try (TestReceiver receiver = new TestReceiver()) {
      UUID id = UUID.randomUUID();
      insertDelivery(id, receiver, message(), Instant.now().minusSeconds(1));

      await().atMost(BOUND).until(() -> receiver.requests().size() == 1);
      assertThat(receiver.requests().get(0).headers().getFirst("X-Iot-Delivery"))
          .isEqualTo(id.toString());
      await().atMost(BOUND).until(() -> "SENT".equals(state(id)));
    }
  }

  @Test
  void anUnreadableDeliveryEndsDeadWhileTheOthersAreSent() {
    try (TestReceiver broken = new TestReceiver();
        TestReceiver healthy = new TestReceiver()) {
      UUID unreadable = UUID.randomUUID();
      UUID readable = UUID.randomUUID();
      insertDelivery(unreadable, broken, "{\"unexpected\":true}", null);
      insertDelivery(readable, healthy, message(), null);

      await().atMost(BOUND).until(() -> "SENT".equals(state(readable)));
      await().atMost(BOUND).until(() -> "DEAD".equals(state(unreadable)));
      assertThat(broken.requests()).isEmpty();
    }
  }

  private static String message() {
    return NotificationJson.write(
        NotificationMessage.of("default", "rule-r", "Freezer too warm", "HIGH", 1, 0, List.of()));
  }

  private void insertDelivery(
      UUID id, TestReceiver receiver, String message, @Nullable Instant lockedUntil) {
    ChannelTarget target =
        new ChannelTarget(
            "recovery-" + id, "recovery", ChannelTarget.WEBHOOK, receiver.url(), null, List.of());
    jdbc.sql(
            "INSERT INTO notification_delivery (id, tenant_id, rule_id, channel_id, channel_kind,"
                + " target, message, state, next_attempt_at, locked_until, first_event_at,"
                + " created_at) VALUES (:id, 'default', 'rule-r', :channel, 'WEBHOOK',"
                + " CAST(:target AS jsonb), CAST(:message AS jsonb), 'PENDING', now(), :locked,"
                + " now(), now())")
        .param("id", id)
        .param("channel", target.channelId())
        .param("target", NotificationJson.write(target))
        .param("message", message)
        .param("locked", lockedUntil == null ? null : Timestamp.from(lockedUntil))
        .update();
  }

  private String state(UUID id) {
    return jdbc.sql("SELECT state FROM notification_delivery WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }
}
