package org.iotplatform.alerts.channel;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of channels ordered by id; {@code nextCursor} is null on the last page. */
public record ChannelPage(List<ChannelResponse> items, @Nullable String nextCursor) {}
