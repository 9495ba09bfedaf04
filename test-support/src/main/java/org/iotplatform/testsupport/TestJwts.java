package org.iotplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Operator JWTs for tests of the services, shaped as the registry issues them (RS256; {@code sub},
 * {@code tenant}, {@code roles}, {@code iat}, {@code exp}, {@code jti}), signed by an RSA key made
 * once per JVM. Point a service at that key with {@code iot.security.jwt.public-key-location}:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void jwts(DynamicPropertyRegistry registry) {
 *   registry.add(TestJwts.PUBLIC_KEY_PROPERTY, TestJwts::publicKeyLocation);
 * }
 *
 * client.get().uri("/api/v1/...").header("Authorization", "Bearer " + TestJwts.token("default", "viewer"))
 * }</pre>
 */
public final class TestJwts {

  /** The services' property naming a PEM file with the issuer's public key. */
  public static final String PUBLIC_KEY_PROPERTY = "iot.security.jwt.public-key-location";

  /** The {@code iss} of these tokens. */
  public static final String ISSUER = "urn:iot-platform:test-jwts";

  /** The {@code sub} of tokens whose builder names none. */
  public static final String SUBJECT = "test-operator";

  private static final KeyPair KEYS = newKeyPair();
  private static final KeyPair FOREIGN_KEYS = newKeyPair();
  private static @Nullable Path publicKeyFile;

  private TestJwts() {}

  /** {@code file:} URL of a PEM file holding this JVM's public key (written on first call). */
  public static synchronized String publicKeyLocation() {
    if (publicKeyFile == null) {
      try {
        Path file = Files.createTempFile("test-jwts-", ".pem");
        file.toFile().deleteOnExit();
        Files.writeString(file, pem((RSAPublicKey) KEYS.getPublic()), StandardCharsets.US_ASCII);
        publicKeyFile = file;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the test JWT public key", e);
      }
    }
    return publicKeyFile.toUri().toString();
  }

  /** This JVM's public key, for tests that build a decoder themselves. */
  public static RSAPublicKey publicKey() {
    return (RSAPublicKey) KEYS.getPublic();
  }

  /** A token valid for 15 minutes for a caller of {@code tenant} with these roles. */
  public static String token(String tenant, String... roles) {
    return builder().tenant(tenant).roles(roles).build();
  }

  /** A token to shape at will: expired, without a tenant, signed by another key, ... */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds one token; every setter is optional. */
  public static final class Builder {

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private Instant issuedAt = Instant.now();
    private Duration validFor = Duration.ofMinutes(15);
    private KeyPair keys = KEYS;

    private Builder() {
      claims.put("iss", ISSUER);
      claims.put("sub", SUBJECT);
      claims.put("tenant", "default");
      claims.put("roles", List.of("viewer"));
    }

    public Builder subject(String subject) {
      return claim("sub", subject);
    }

    public Builder tenant(String tenant) {
      return claim("tenant", tenant);
    }

    /**
     * Role names as the roles claim holds them: {@code viewer}, {@code operator}, {@code admin}.
     */
    public Builder roles(String... roles) {
      return claim("roles", List.of(roles));
    }

    /** Sets any claim; it replaces what the builder would otherwise send. */
    public Builder claim(String name, Object value) {
      claims.put(name, value);
      return this;
    }

    /** Leaves a claim out, such as {@code tenant}. */
    public Builder without(String name) {
      claims.remove(name);
      return this;
    }

    /** Makes {@code exp} lie before now: issued an hour ago, valid for a minute. */
    public Builder expired() {
      issuedAt = Instant.now().minus(Duration.ofHours(1));
      validFor = Duration.ofMinutes(1);
      return this;
    }

    /** Signs with a key that no service trusts, as a forger would. */
    public Builder signedByAnotherKey() {
      keys = FOREIGN_KEYS;
      return this;
    }

    public String build() {
      JwtClaimsSet.Builder set =
          JwtClaimsSet.builder()
              .id(UUID.randomUUID().toString())
              .issuedAt(issuedAt)
              .expiresAt(issuedAt.plus(validFor));
      claims.forEach(set::claim);
      JwtEncoder encoder =
          NimbusJwtEncoder.withKeyPair(
                  (RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate())
              .build();
      JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
      return encoder.encode(JwtEncoderParameters.from(header, set.build())).getTokenValue();
    }
  }

  private static String pem(RSAPublicKey key) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }
}
