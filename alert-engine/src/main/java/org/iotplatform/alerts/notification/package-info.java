/**
 * Notifications of alert events to the channels of their rule (webhook, Slack-compatible webhook,
 * e-mail): durable rows written with the alert, grouped per rule and channel over a window, sent by
 * per-channel workers with retries, back-off and a dead letter.
 */
@NullMarked
package org.iotplatform.alerts.notification;

import org.jspecify.annotations.NullMarked;
