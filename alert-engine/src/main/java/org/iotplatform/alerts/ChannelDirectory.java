package org.iotplatform.alerts;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the notifications of a rule go: the rules feature knows which channels a rule names and how
 * each is configured; the notification feature asks it for each alert it sends.
 */
public interface ChannelDirectory {

  /**
   * The channels of the tenant's rule, in the rule's order; empty when the rule names none or no
   * longer exists. Must be cheap enough to call for every alert event (cache if needed).
   */
  List<ChannelTarget> channelsOf(String tenantId, String ruleId);

  /**
   * One configured notification channel.
   *
   * @param channelId the channel's id (a UUID)
   * @param name the channel's name, for people
   * @param kind {@link #WEBHOOK}, {@link #SLACK} or {@link #EMAIL}
   * @param url where a webhook or a Slack-compatible incoming webhook posts; null for e-mail
   * @param secret the HMAC-SHA256 key a webhook signs its body with; null for the other kinds
   * @param recipients e-mail addresses; empty for the other kinds
   */
  record ChannelTarget(
      String channelId,
      String name,
      String kind,
      @Nullable URI url,
      @Nullable String secret,
      List<String> recipients) {

    public static final String WEBHOOK = "WEBHOOK";
    public static final String SLACK = "SLACK";
    public static final String EMAIL = "EMAIL";

    public ChannelTarget {
      recipients = List.copyOf(recipients);
    }
  }
}
