package org.iotplatform.web.security;

import java.util.Set;

/**
 * Who makes the current request, from a validated token.
 *
 * @param subject the token's {@code sub}: the registry's API key id, or an external issuer's user
 * @param tenant the tenant the caller acts in; every query is scoped to it
 * @param roles the caller's platform roles (unknown role names in the token are left out)
 */
public record Caller(String subject, String tenant, Set<Role> roles) {

  public Caller {
    roles = Set.copyOf(roles);
  }
}
