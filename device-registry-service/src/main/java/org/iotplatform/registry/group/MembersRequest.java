package org.iotplatform.registry.group;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/groups/{group}/members}: devices to add to a static group. */
public record MembersRequest(@Nullable List<String> deviceIds) {}
