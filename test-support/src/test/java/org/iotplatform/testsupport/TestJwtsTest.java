package org.iotplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class TestJwtsTest {

  private final NimbusJwtDecoder underTest =
      NimbusJwtDecoder.withPublicKey(TestJwts.publicKey()).build();

  @Test
  void issuesTokensWithTheRegistrysClaims() {
    Jwt jwt = underTest.decode(TestJwts.token("acme", "operator"));

    assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
    assertThat(jwt.getSubject()).isEqualTo(TestJwts.SUBJECT);
    assertThat(jwt.getClaimAsString("tenant")).isEqualTo("acme");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("operator");
    assertThat(jwt.getId()).isNotBlank();
    assertThat(jwt.getExpiresAt()).isAfter(jwt.getIssuedAt());
  }

  @Test
  void leavesOutAClaimOnRequest() {
    Jwt jwt = underTest.decode(TestJwts.builder().without("tenant").build());

    assertThat(jwt.hasClaim("tenant")).isFalse();
  }

  @Test
  void issuesExpiredTokensThatADecoderRefuses() {
    assertThatThrownBy(() -> underTest.decode(TestJwts.builder().expired().build()))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void forgesTokensThatTheKeyDoesNotVerify() {
    assertThatThrownBy(() -> underTest.decode(TestJwts.builder().signedByAnotherKey().build()))
        .isInstanceOf(BadJwtException.class);
  }

  @Test
  void writesThePublicKeyAsAPemFileThatSpringReads() throws Exception {
    try (InputStream in = URI.create(TestJwts.publicKeyLocation()).toURL().openStream()) {
      RSAPublicKey key = RsaKeyConverters.x509().convert(in);

      assertThat(key).isEqualTo(TestJwts.publicKey());
    }
  }
}
