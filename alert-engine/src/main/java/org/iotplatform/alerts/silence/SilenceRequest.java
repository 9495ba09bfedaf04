package org.iotplatform.alerts.silence;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/silences}.
 *
 * @param startsAt when it starts; now when absent
 * @param endsAt when it ends, after {@code startsAt} and in the future
 * @param scope exactly one of {@code deviceIds}, {@code group} (a registry group's name or id) or
 *     {@code ruleId}
 * @param comment why, for the other operators (required, up to 1,000 characters)
 */
public record SilenceRequest(
    @Nullable Instant startsAt,
    @Nullable Instant endsAt,
    @Nullable Scope scope,
    @Nullable String comment) {

  /** The scope as requested. */
  public record Scope(
      @Nullable List<String> deviceIds, @Nullable String group, @Nullable String ruleId) {}
}
