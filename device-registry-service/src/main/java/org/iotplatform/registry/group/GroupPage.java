package org.iotplatform.registry.group;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of the tenant's groups, ordered by name; {@code nextCursor} is null on the last. */
public record GroupPage(List<GroupResponse> items, @Nullable String nextCursor) {}
