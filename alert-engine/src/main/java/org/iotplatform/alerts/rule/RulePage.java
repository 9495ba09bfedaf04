package org.iotplatform.alerts.rule;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of rules ordered by id; {@code nextCursor} is null on the last page. */
public record RulePage(List<RuleResponse> items, @Nullable String nextCursor) {}
