package org.iotplatform.web.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/** The decoder that {@code iot.security.jwt.*} describes. */
public final class IotJwtDecoders {

  private IotJwtDecoders() {}

  /**
   * A decoder over a public key file, else an OpenID Connect issuer, else a JWK Set URI, with
   * {@link IotJwtValidators}. Nothing is fetched here, so a service starts while its issuer is
   * down; keys are fetched with the first token and cached.
   */
  public static JwtDecoder fromProperties(IotSecurityProperties properties) {
    IotSecurityProperties.Jwt jwt = properties.jwt();
    String issuer = jwt.issuerUri() == null ? null : jwt.issuerUri().toString();
    if (jwt.publicKeyLocation() != null) {
      NimbusJwtDecoder decoder =
          NimbusJwtDecoder.withPublicKey(publicKey(jwt.publicKeyLocation()))
              .signatureAlgorithm(SignatureAlgorithm.RS256)
              .build();
      decoder.setJwtValidator(IotJwtValidators.create(properties, issuer));
      return decoder;
    }
    if (issuer != null) {
      // The builder reads the discovery document at once; deferring it keeps start-up offline.
      return new SupplierJwtDecoder(
          () -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(IotJwtValidators.create(properties, issuer));
            return decoder;
          });
    }
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri().toString())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(IotJwtValidators.create(properties, null));
    return decoder;
  }

  private static RSAPublicKey publicKey(String location) {
    Resource resource = new DefaultResourceLoader().getResource(location);
    try (InputStream in = resource.getInputStream()) {
      return RsaKeyConverters.x509().convert(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "iot.security.jwt.public-key-location: cannot read " + location, e);
    }
  }
}
