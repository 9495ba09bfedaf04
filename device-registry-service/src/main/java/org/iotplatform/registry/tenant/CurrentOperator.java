package org.iotplatform.registry.tenant;

import org.iotplatform.web.security.CurrentCaller;
import org.springframework.stereotype.Component;

/**
 * Who makes the current request, for audit records ("who changed what"): the subject of the
 * caller's JWT, which is the API key id for the registry's own tokens and the user of an external
 * issuer otherwise.
 */
@Component
public class CurrentOperator {

  private final CurrentCaller caller;

  CurrentOperator(CurrentCaller caller) {
    this.caller = caller;
  }

  /**
   * The caller's subject.
   *
   * @throws IllegalStateException outside an authenticated request
   */
  public String id() {
    return caller.get().subject();
  }
}
