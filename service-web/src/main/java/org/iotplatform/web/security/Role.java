package org.iotplatform.web.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An operator's role, weakest first: each role may do what the ones before it may. In a JWT's roles
 * claim a role is its lower-case name ({@code viewer}, {@code operator}, {@code admin}).
 */
public enum Role {
  /** Reads: GET and HEAD. */
  VIEWER,
  /** Reads and changes: also POST, PUT, PATCH and DELETE. */
  OPERATOR,
  /** Everything, including the management of API keys. */
  ADMIN;

  private static final String AUTHORITY_PREFIX = "ROLE_";

  /** The role as it appears in a JWT's roles claim and in the REST API. */
  public String claimValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The Spring Security authority a caller with this role holds. */
  public String authority() {
    return AUTHORITY_PREFIX + name();
  }

  /** Whether a caller with this role may do what {@code required} may. */
  public boolean includes(Role required) {
    return compareTo(required) >= 0;
  }

  /** The role named by a claim value, in any case; empty for a name that is no role. */
  public static Optional<Role> fromClaimValue(String value) {
    return Arrays.stream(values()).filter(role -> role.name().equalsIgnoreCase(value)).findFirst();
  }

  /** The role of a Spring Security authority; empty for other authorities. */
  static Optional<Role> fromAuthority(String authority) {
    return authority.startsWith(AUTHORITY_PREFIX)
        ? fromClaimValue(authority.substring(AUTHORITY_PREFIX.length()))
        : Optional.empty();
  }
}
