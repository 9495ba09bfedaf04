package org.iotplatform.alerts.notification;

import java.util.List;

/**
 * What one delivery says: the alert events of one rule gathered for one channel during a group
 * window. It lists the first {@code alerts} and counts the rest in {@code omitted}.
 *
 * @param fired how many FIRED events the message covers
 * @param resolved how many RESOLVED events it covers
 * @param omitted how many of them are not listed
 * @param alerts the oldest events of the window, in order
 */
public record NotificationMessage(
    String tenantId,
    String ruleId,
    String ruleName,
    String severity,
    int fired,
    int resolved,
    int omitted,
    List<NotificationItem> alerts) {

  public NotificationMessage {
    alerts = List.copyOf(alerts);
  }

  /** How many alert events the message covers. */
  public int total() {
    return fired + resolved;
  }

  /**
   * The message of {@code listed} (the oldest events, in order) out of {@code fired + resolved}.
   */
  static NotificationMessage of(
      String tenantId,
      String ruleId,
      String ruleName,
      String severity,
      int fired,
      int resolved,
      List<NotificationItem> listed) {
    return new NotificationMessage(
        tenantId,
        ruleId,
        ruleName,
        severity,
        fired,
        resolved,
        Math.max(0, fired + resolved - listed.size()),
        listed);
  }
}
