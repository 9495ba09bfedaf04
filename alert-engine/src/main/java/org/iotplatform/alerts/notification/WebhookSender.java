package org.iotplatform.alerts.notification;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.iotplatform.alerts.ChannelDirectory.ChannelTarget;

/** Posts the message as JSON, signed per {@link WebhookSignature} when the channel has a secret. */
class WebhookSender implements ChannelSender {

  private final HttpPost http;
  private final Clock clock;

  WebhookSender(HttpPost http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return ChannelTarget.WEBHOOK;
  }

  @Override
  public void send(Delivery delivery) throws Exception {
    ChannelTarget target = delivery.target();
    if (target.url() == null) {
      throw new IllegalStateException("The webhook channel has no URL");
    }
    byte[] body =
        NotificationJson.MAPPER.writeValueAsBytes(
            WebhookBody.of(delivery.id(), delivery.message()));
    long timestamp = clock.instant().getEpochSecond();
    Map<String, String> headers = new HashMap<>();
    headers.put(WebhookSignature.DELIVERY_HEADER, delivery.id().toString());
    headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
    String secret = target.secret();
    if (secret != null && !secret.isEmpty()) {
      headers.put(
          WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
    }
    http.post(target.url(), body, headers);
  }
}
