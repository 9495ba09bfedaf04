package org.iotplatform.web.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a validated JWT into the caller's authentication: its name is the subject, its authorities
 * the roles of the configured roles claim.
 */
final class CallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  private final String rolesClaim;

  CallerConverter(IotSecurityProperties.Claims claims) {
    this.rolesClaim = claims.roles();
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (String name : roleNames(jwt.getClaim(rolesClaim))) {
      Role.fromClaimValue(name).ifPresent(role -> authorities.add(authority(role)));
    }
    String subject = jwt.getSubject() == null ? "" : jwt.getSubject();
    return new JwtAuthenticationToken(jwt, authorities, subject);
  }

  private static GrantedAuthority authority(Role role) {
    return new SimpleGrantedAuthority(role.authority());
  }

  // Issuers differ: a JSON list (the registry, Keycloak's mapped claims) or one string of names
  // separated by spaces or commas (OAuth2 scope style).
  static Set<String> roleNames(@Nullable Object claim) {
    Set<String> names = new LinkedHashSet<>();
    if (claim instanceof Collection<?> values) {
      values.forEach(value -> names.add(String.valueOf(value).trim()));
    } else if (claim instanceof String value) {
      for (String name : value.split("[\\s,]+")) {
        if (!name.isBlank()) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
