package org.iotplatform.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

class IotSecurityAutoConfigurationTest {

  private final WebApplicationContextRunner underTest =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  IotSecurityAutoConfiguration.class,
                  OAuth2ResourceServerAutoConfiguration.class,
                  OAuth2ResourceServerWebSecurityAutoConfiguration.class,
                  ServletWebSecurityAutoConfiguration.class,
                  SecurityAutoConfiguration.class,
                  UserDetailsServiceAutoConfiguration.class));

  @Test
  void makesTheServiceAResourceServerInsteadOfSpringBootsDefaults() {
    underTest.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .hasSingleBean(SecurityFilterChain.class)
                .hasBean("iotSecurityFilterChain")
                .hasSingleBean(JwtDecoder.class)
                .hasSingleBean(CurrentCaller.class)
                // Spring Boot's generated password would be a second way in.
                .doesNotHaveBean(UserDetailsService.class));
  }

  @Test
  void keepsTheServicesOwnDecoder() {
    underTest
        .withUserConfiguration(OwnDecoder.class)
        .run(
            context ->
                assertThat(context.getBean(JwtDecoder.class))
                    .isSameAs(context.getBean("ownDecoder")));
  }

  @Test
  void resolvesAnIssuerOnlyWhenTheFirstTokenArrives() {
    underTest
        .withPropertyValues("iot.security.jwt.issuer-uri=http://127.0.0.1:1/realms/iot")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .getBean(JwtDecoder.class)
                    .isInstanceOf(SupplierJwtDecoder.class));
  }

  @Test
  void staysOutOfApplicationsThatAreNotServletWebApplications() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(IotSecurityAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(SecurityFilterChain.class));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnDecoder {

    @Bean
    JwtDecoder ownDecoder() {
      return token -> {
        throw new UnsupportedOperationException();
      };
    }
  }
}
