package org.iotplatform.alerts;

import java.util.List;
import java.util.Optional;

/**
 * The members of a registry group, which rules and silences scoped to a group resolve when they are
 * saved (the registry owns groups; see the service README).
 */
public interface GroupMembers {

  /**
   * The device ids of the group (a name or an id) in the caller's tenant, asking the registry with
   * the caller's own token; empty when the registry does not know the group.
   *
   * @param bearerToken the operator's JWT, forwarded so the registry applies the caller's rights
   * @throws org.iotplatform.web.ApiException when the registry cannot be asked (503) or the group
   *     has more members than a scope may hold (422)
   */
  Optional<List<String>> members(String group, String bearerToken);
}
