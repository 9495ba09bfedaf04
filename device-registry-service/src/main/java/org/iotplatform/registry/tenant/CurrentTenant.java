package org.iotplatform.registry.tenant;

import org.iotplatform.web.security.CurrentCaller;
import org.springframework.stereotype.Component;

/**
 * The tenant the current request acts in: the tenant claim of the caller's validated JWT. Every
 * repository call takes it, so that no query can reach another tenant's rows.
 */
@Component
public class CurrentTenant {

  private final CurrentCaller caller;

  CurrentTenant(CurrentCaller caller) {
    this.caller = caller;
  }

  /**
   * The id of the caller's tenant.
   *
   * @throws IllegalStateException outside an authenticated request (a background thread, an open
   *     endpoint): such code is handed its tenant instead
   */
  public String id() {
    return caller.get().tenant();
  }
}
