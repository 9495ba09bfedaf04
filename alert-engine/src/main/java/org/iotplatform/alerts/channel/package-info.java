/**
 * Notification channels of a tenant (webhook, Slack-compatible incoming webhook, e-mail): their
 * REST API and the cached {@link org.iotplatform.alerts.ChannelDirectory} the notification feature
 * asks for each alert.
 */
@NullMarked
package org.iotplatform.alerts.channel;

import org.jspecify.annotations.NullMarked;
