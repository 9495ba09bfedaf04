package org.iotplatform.alerts.notification;

import java.util.Map;
import org.iotplatform.alerts.ChannelDirectory.ChannelTarget;

/**
 * Posts {@code {"text": ...}} to a Slack-compatible incoming webhook (Slack, Mattermost,
 * Rocket.Chat and others accept it): the summary line, then one line per listed alert.
 */
class SlackSender implements ChannelSender {

  private final HttpPost http;

  SlackSender(HttpPost http) {
    this.http = http;
  }

  @Override
  public String kind() {
    return ChannelTarget.SLACK;
  }

  @Override
  public void send(Delivery delivery) throws Exception {
    if (delivery.target().url() == null) {
      throw new IllegalStateException("The Slack channel has no URL");
    }
    byte[] body =
        NotificationJson.MAPPER.writeValueAsBytes(
            Map.of("text", MessageText.body(delivery.message()).strip()));
    http.post(delivery.target().url(), body, Map.of());
  }
}
