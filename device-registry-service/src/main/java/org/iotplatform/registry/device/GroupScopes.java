package org.iotplatform.registry.device;

/**
 * Resolves the group that a device search names. The group feature implements it: groups depend on
 * devices (their members are devices), so devices reach groups only through this interface.
 */
public interface GroupScopes {

  /**
   * The scope of the tenant's group with this name or id.
   *
   * @throws org.iotplatform.web.ApiException {@code group.unknown} when the tenant has no such
   *     group
   */
  GroupScope scope(String tenant, String nameOrId);
}
