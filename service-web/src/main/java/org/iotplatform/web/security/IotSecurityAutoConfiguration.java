package org.iotplatform.web.security;

import org.iotplatform.web.ProblemDetailsAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Makes every servlet service with this module an OAuth2 resource server for the platform's JWTs:
 * one filter chain with the platform's role rules ({@link AccessPolicy}, extended by the service's
 * {@link AccessRules} beans), a {@link JwtDecoder} from {@code iot.security.jwt.*} unless the
 * service declares its own (the registry does, over its local key), and {@link CurrentCaller}.
 *
 * <p>It runs before Spring Boot's security auto-configurations, which then back off: their default
 * chain (form login, HTTP basic, a generated password) would otherwise guard the service.
 */
@AutoConfiguration(
    after = ProblemDetailsAutoConfiguration.class,
    before = {
      OAuth2ResourceServerAutoConfiguration.class,
      OAuth2ResourceServerWebSecurityAutoConfiguration.class,
      ManagementWebSecurityAutoConfiguration.class,
      ServletWebSecurityAutoConfiguration.class,
      SecurityAutoConfiguration.class,
      UserDetailsServiceAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class})
@EnableConfigurationProperties(IotSecurityProperties.class)
@EnableWebSecurity
public class IotSecurityAutoConfiguration {

  @Bean
  AccessPolicy iotAccessPolicy(ObjectProvider<AccessRules> rules) {
    return new AccessPolicy(rules.orderedStream().toList());
  }

  @Bean
  @ConditionalOnMissingBean
  CurrentCaller currentCaller(IotSecurityProperties properties) {
    return new CurrentCaller(properties);
  }

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(IotSecurityProperties properties) {
    return IotJwtDecoders.fromProperties(properties);
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain iotSecurityFilterChain(
      HttpSecurity http,
      JwtDecoder decoder,
      IotSecurityProperties properties,
      AccessPolicy policy,
      @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolver) {
    SecurityProblems problems = new SecurityProblems(resolver, policy);
    http.csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: nothing to forge
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(policy.openPaths())
                    .permitAll()
                    .anyRequest()
                    .access(policy))
        .oauth2ResourceServer(
            server ->
                server
                    .bearerTokenResolver(ignoringOpenPaths(policy))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(
                        jwt ->
                            jwt.decoder(decoder)
                                .jwtAuthenticationConverter(
                                    new CallerConverter(properties.claims())))
                    .withObjectPostProcessor(failuresAnsweredBy(problems)))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }

  // A stale token sent to an open endpoint (a health probe, the token endpoint) must not turn a
  // request that needs no token into a 401.
  private static BearerTokenResolver ignoringOpenPaths(AccessPolicy policy) {
    DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
    return request -> policy.openPaths().matches(request) ? null : bearer.resolve(request);
  }

  private static ObjectPostProcessor<BearerTokenAuthenticationFilter> failuresAnsweredBy(
      SecurityProblems problems) {
    return new ObjectPostProcessor<>() {
      @Override
      public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
        filter.setAuthenticationFailureHandler(problems);
        return filter;
      }
    };
  }
}
