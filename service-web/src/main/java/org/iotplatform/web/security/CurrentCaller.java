package org.iotplatform.web.security;

import java.util.Objects;
import java.util.Optional;
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
    return find()
        .orElseThrow(
            () -> new IllegalStateException("No caller authenticated with a JWT on this thread"));
  }

  /**
   * The authenticated caller, or empty outside a request authenticated with a JWT: for code that
   * also runs on its own, such as an audit record of a change the service makes by itself.
   */
  public Optional<Caller> find() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      return Optional.empty();
    }
    // The decoder's validators guarantee the tenant claim (IotJwtValidators).
    String tenant =
        Objects.requireNonNull(
            token.getToken().getClaimAsString(tenantClaim), "validated token without tenant");
    return Optional.of(new Caller(token.getName(), tenant, AccessPolicy.roles(token)));
  }
}
