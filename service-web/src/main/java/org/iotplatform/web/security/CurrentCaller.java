package org.iotplatform.web.security;

import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of the request this thread serves. Controllers ask it for the tenant to scope their
 * queries by, and for the subject to record who changed what.
 */
public class CurrentCaller {

  private final String tenantClaim;

  public CurrentCaller(IotSecurityProperties properties) {
    this.tenantClaim = properties.claims().tenant();
  }

  /**
   * The authenticated caller.
   *
   * @throws IllegalStateException outside a request authenticated with a JWT (an open endpoint, a
   *     background thread): such code must be told its tenant, not look it up
   */
  public Caller get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      throw new IllegalStateException("No caller authenticated with a JWT on this thread");
    }
    // The decoder's validators guarantee the tenant claim (IotJwtValidators).
    String tenant =
        Objects.requireNonNull(
            token.getToken().getClaimAsString(tenantClaim), "validated token without tenant");
    return new Caller(token.getName(), tenant, AccessPolicy.roles(token));
  }
}
