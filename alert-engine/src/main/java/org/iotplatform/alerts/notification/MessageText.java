package org.iotplatform.alerts.notification;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The words of a message for people (Slack text, e-mail subject and body): one alert reads like
 * {@code [HIGH] Freezer too warm fired on freezer-7: temperature -12.5 > -15.0}, a group like
 * {@code [HIGH] Freezer too warm fired for 9,999 devices and resolved for 3: freezer-1, ... and
 * 9,992 more}.
 */
final class MessageText {

  private MessageText() {}

  private static final int MAX_SUBJECT = 200;

  /**
   * An e-mail subject: the summary of one alert (cut to 200 characters), or the counts of a group
   * without its devices, which the body lists.
   */
  static String subject(NotificationMessage message) {
    String text =
        message.total() == 1 && !message.alerts().isEmpty()
            ? summary(message)
            : counts(head(message), message);
    return text.length() <= MAX_SUBJECT ? text : text.substring(0, MAX_SUBJECT - 3) + "...";
  }

  static String summary(NotificationMessage message) {
    String head = head(message);
    if (message.total() == 1 && !message.alerts().isEmpty()) {
      NotificationItem only = message.alerts().get(0);
      return head + " " + verb(only.event()) + " on " + only.deviceId() + ": " + only.reason();
    }
    StringBuilder text = new StringBuilder(counts(head, message));
    text.append(": ")
        .append(
            message.alerts().stream()
                .map(NotificationItem::deviceId)
                .distinct()
                .collect(Collectors.joining(", ")));
    if (message.omitted() > 0) {
      text.append(" and ").append(count(message.omitted())).append(" more");
    }
    return text.toString();
  }

  private static String head(NotificationMessage message) {
    return "[" + message.severity() + "] " + message.ruleName();
  }

  private static String counts(String head, NotificationMessage message) {
    StringBuilder text = new StringBuilder(head);
    if (message.fired() > 0) {
      text.append(" fired ").append(count(message.fired())).append(" times");
    }
    if (message.resolved() > 0) {
      text.append(message.fired() > 0 ? " and" : "")
          .append(" resolved ")
          .append(count(message.resolved()))
          .append(" times");
    }
    return text.toString();
  }

  /** The summary, the counts and one line per listed alert event. */
  static String body(NotificationMessage message) {
    StringBuilder text = new StringBuilder(summary(message)).append("\n\n");
    text.append("Rule: ").append(message.ruleName()).append(" (").append(message.ruleId());
    text.append(")\nFIRED: ").append(count(message.fired()));
    text.append(", RESOLVED: ").append(count(message.resolved())).append("\n\n");
    for (NotificationItem item : message.alerts()) {
      text.append(item.event())
          .append(' ')
          .append(item.deviceId())
          .append(" at ")
          .append(item.at())
          .append(": ")
          .append(item.reason())
          .append(" (alert ")
          .append(item.id())
          .append(")\n");
    }
    if (message.omitted() > 0) {
      text.append("... and ").append(count(message.omitted())).append(" more\n");
    }
    return text.toString();
  }

  private static String verb(String event) {
    return event.toLowerCase(Locale.ROOT);
  }

  private static String count(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
