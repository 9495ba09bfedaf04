package org.iotplatform.alerts.channel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A channel as a client creates or replaces it.
 *
 * @param name for people, 1 to 200 characters
 * @param kind {@code WEBHOOK}, {@code SLACK} or {@code EMAIL}; cannot change on replace
 * @param url an absolute http(s) URL, for webhooks and Slack
 * @param recipients e-mail addresses, 1 to 50, for e-mail
 */
public record ChannelRequest(
    @Nullable String name,
    @Nullable String kind,
    @Nullable String url,
    @Nullable List<String> recipients) {}
