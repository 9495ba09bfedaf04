package org.iotplatform.registry.device;

import java.util.UUID;

/**
 * The devices of a group, as queries over devices apply it: the members of a static group, or the
 * devices that match a dynamic group's criteria when the query runs.
 */
public sealed interface GroupScope {

  /** The members of the static group with this id (of the querying tenant). */
  record Members(UUID groupId) implements GroupScope {}

  /** The devices matching these criteria. */
  record Matching(DeviceCriteria criteria) implements GroupScope {}
}
