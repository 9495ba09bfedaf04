package org.iotplatform.alerts.channel;

/** How a channel notifies. */
public enum ChannelKind {
  /** An HTTP POST of the alert as JSON, signed with the channel's secret. */
  WEBHOOK,
  /** A Slack-compatible incoming webhook. */
  SLACK,
  /** E-mail over SMTP to the recipients. */
  EMAIL
}
