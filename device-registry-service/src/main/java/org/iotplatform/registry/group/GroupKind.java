package org.iotplatform.registry.group;

/** How a group holds its devices; fixed when the group is created. */
public enum GroupKind {
  /** Explicit members, added and removed one by one or in batches. */
  STATIC,
  /** Every device matching the group's filter at the time of the query. */
  DYNAMIC
}
