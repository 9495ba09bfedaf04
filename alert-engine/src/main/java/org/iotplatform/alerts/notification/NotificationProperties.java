package org.iotplatform.alerts.notification;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notifications, under {@code iot.alerts.notifications}.
 *
 * @param enabled whether notifications are written and sent at all
 * @param notifyOn the alert event kinds that are notified, {@code FIRED} and/or {@code RESOLVED}
 * @param groupWindow after a message of a rule to a channel, how long further alerts of that rule
 *     are collected before they leave together in one message
 * @param maxListedAlerts most alerts a grouped message lists one by one; it counts the rest
 * @param pollInterval how often the workers look for notifications to group and deliveries due
 * @param timeout longest one delivery attempt may take (connect and response)
 * @param maxInFlightPerChannel most attempts one channel has under way at a time: a slow or hanging
 *     endpoint holds at most this many sender threads, and a busy one is not served one message
 *     after the other
 * @param maxAttempts attempts after which a delivery is given up as {@code DEAD}
 * @param initialBackoff the wait before the second attempt; it doubles with each further one
 * @param maxBackoff the longest wait between two attempts
 * @param jitter the fraction (0 to 1) by which a wait is randomly shortened, so that retries of
 *     many deliveries do not arrive together
 * @param mailFrom the sender address of e-mails (the SMTP server is {@code spring.mail.host} and
 *     {@code spring.mail.port})
 */
@ConfigurationProperties("iot.alerts.notifications")
public record NotificationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue({"FIRED", "RESOLVED"}) List<String> notifyOn,
    @DefaultValue("30s") Duration groupWindow,
    @DefaultValue("20") int maxListedAlerts,
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("4") int maxInFlightPerChannel,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("5s") Duration initialBackoff,
    @DefaultValue("10m") Duration maxBackoff,
    @DefaultValue("0.2") double jitter,
    @DefaultValue("alerts@iot-platform.invalid") String mailFrom) {

  public NotificationProperties {
    notifyOn = List.copyOf(notifyOn);
    requirePositive("groupWindow", groupWindow);
    requirePositive("pollInterval", pollInterval);
    requirePositive("timeout", timeout);
    requirePositive("initialBackoff", initialBackoff);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must not be below initialBackoff");
    }
    if (maxListedAlerts < 1) {
      throw new IllegalArgumentException("maxListedAlerts must be at least 1: " + maxListedAlerts);
    }
    if (maxInFlightPerChannel < 1) {
      throw new IllegalArgumentException(
          "maxInFlightPerChannel must be at least 1: " + maxInFlightPerChannel);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be from 0 to 1: " + jitter);
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** How long a claimed delivery stays with its worker before another may take it over. */
  Duration lease() {
    return timeout.multipliedBy(3).plusSeconds(30);
  }
}
