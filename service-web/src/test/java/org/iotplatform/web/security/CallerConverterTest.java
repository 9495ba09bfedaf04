package org.iotplatform.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerConverterTest {

  private final CallerConverter underTest =
      new CallerConverter(new IotSecurityProperties.Claims("tenant", "roles"));

  @Test
  void namesTheCallerByTheSubjectAndGrantsTheRolesOfTheClaim() {
    AbstractAuthenticationToken caller = underTest.convert(jwt(List.of("operator", "viewer")));

    assertThat(caller.getName()).isEqualTo("key-1");
    assertThat(caller.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_VIEWER");
  }

  @Test
  void readsRolesFromOneStringSeparatedBySpacesOrCommas() {
    AbstractAuthenticationToken caller = underTest.convert(jwt("openid Admin,viewer"));

    assertThat(caller.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_VIEWER");
  }

  @Test
  void ignoresNamesThatAreNoPlatformRole() {
    AbstractAuthenticationToken caller = underTest.convert(jwt(List.of("superuser", "ROLE_ADMIN")));

    assertThat(caller.getAuthorities()).isEmpty();
  }

  private static Jwt jwt(Object roles) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject("key-1")
        .claim("tenant", "default")
        .claim("roles", roles)
        .issuedAt(Instant.parse("2026-01-01T00:00:00Z"))
        .expiresAt(Instant.parse("2026-01-01T00:15:00Z"))
        .build();
  }
}
