package org.iotplatform.registry.tenant;

import org.iotplatform.contracts.Tenants;
import org.springframework.stereotype.Component;

/**
 * The tenant the current request acts in. Every repository call takes it, so that no query can
 * reach another tenant's rows.
 *
 * <p>Until operators authenticate (JWTs carrying a tenant, issue 3), every caller acts in {@link
 * Tenants#DEFAULT}; the JWT work replaces this one method and nothing else.
 */
@Component
public class CurrentTenant {

  /** The id of the caller's tenant. */
  public String id() {
    return Tenants.DEFAULT;
  }
}
