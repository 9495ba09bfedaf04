package org.iotplatform.alerts.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotplatform.alerts.ChannelDirectory.ChannelTarget;
import org.iotplatform.alerts.alert.AlertsITBase;
import org.iotplatform.alerts.alert.TestClock;
import org.iotplatform.alerts.alert.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alerts reach e-mail channels over SMTP (GreenMail in the JVM), grouped per rule: a storm of
 * 10,000 alerts of one rule makes two e-mails (the first alone, the rest when the group window
 * ends) that together count all 10,000.
 */
class EmailNotificationIT extends AlertsITBase {

  private static final Pattern COUNTS = Pattern.compile("FIRED: ([\\d,]+), RESOLVED: ([\\d,]+)");

  private static final Duration GROUP_WINDOW = Duration.ofSeconds(3);

  private final TestChannels channels;
  private final TestClock clock;
  private final JdbcClient jdbc;

  EmailNotificationIT(
      @Autowired TestChannels channels, @Autowired TestClock clock, @Autowired JdbcClient jdbc) {
    this.channels = channels;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  @Test
  void mailsAnAlertToTheChannelsRecipients() throws MessagingException {
    String ruleId = newRuleId();
    channels.set(
        "default", ruleId, email("mail-1", "oncall-1@example.test", "lead-1@example.test"));

    publish(fired("default", ruleId, "freezer-31", Instant.now()));

    await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("lead-1@example.test").size() == 1);
    MimeMessage mail = mailsTo("oncall-1@example.test").get(0);
    assertThat(mail.getSubject())
        .isEqualTo(
            "[HIGH] Freezer too warm fired on freezer-31: temperature -12.5 > -15.0 for 3 readings");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("alerts@iot-platform.invalid");
    assertThat(GreenMailUtil.getBody(mail)).contains("FIRED freezer-31");
  }

  @Test
  void tenThousandAlertsOfOneRuleMakeTwoEmails() throws MessagingException {
    String ruleId = newRuleId();
    String recipient = "storm-" + ruleId + "@example.test";
    channels.set("default", ruleId, email("mail-storm", recipient));
    Instant t0 = Instant.now();
    clock.freeze();
    try {
      publishWithoutWaiting(10_000, i -> fired("default", ruleId, "dev-" + i, t0));

      // The first e-mail leaves at once; everything after it waits for the window's end.
      await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> waiting(ruleId) + counted(recipient) == 10_000);
      assertThat(mailsTo(recipient)).hasSize(1);

      clock.advance(GROUP_WINDOW);
      await().atMost(Duration.ofSeconds(30)).until(() -> counted(recipient) == 10_000);
      assertThat(mailsTo(recipient)).hasSize(2);
      assertThat(mailsTo(recipient).get(1).getSubject())
          .matches("\\[HIGH] Freezer too warm fired [0-9,]+ times");
    } finally {
      clock.release();
    }
  }

  /** Notifications of the rule not yet in a message. */
  private int waiting(String ruleId) {
    return jdbc.sql(
            "SELECT count(*) FROM notification WHERE rule_id = :rule AND delivery_id IS NULL")
        .param("rule", ruleId)
        .query(Integer.class)
        .single();
  }

  private static int counted(String recipient) {
    return firedCounted(mailsTo(recipient));
  }

  private static int firedCounted(List<MimeMessage> mails) {
    int fired = 0;
    for (MimeMessage mail : mails) {
      Matcher counts = COUNTS.matcher(GreenMailUtil.getBody(mail));
      assertThat(counts.find()).isTrue();
      fired += Integer.parseInt(counts.group(1).replace(",", ""));
    }
    return fired;
  }

  /** The e-mails to {@code recipient}, once each (GreenMail stores a copy per recipient). */
  private static List<MimeMessage> mailsTo(String recipient) {
    Set<String> seen = new HashSet<>();
    return Arrays.stream(TestMail.server().getReceivedMessages())
        .filter(mail -> isTo(mail, recipient) && seen.add(messageId(mail)))
        .toList();
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isTo(MimeMessage mail, String recipient) {
    try {
      return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
          .anyMatch(address -> address.toString().equals(recipient));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ChannelTarget email(String channelId, String... recipients) {
    return new ChannelTarget(
        channelId, channelId, ChannelTarget.EMAIL, null, null, List.of(recipients));
  }
}
