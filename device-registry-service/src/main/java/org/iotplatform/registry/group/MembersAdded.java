package org.iotplatform.registry.group;

/**
 * The answer to a batch add.
 *
 * @param added devices that were not members before
 * @param alreadyMembers devices that were members already (adding is idempotent)
 */
public record MembersAdded(int added, int alreadyMembers) {}
