package org.iotplatform.web;

import java.util.List;
import org.iotplatform.web.security.AccessRules;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A minimal service for the tests. It imports its controller instead of scanning this package, so
 * that {@link ProblemDetailsAdvice} and the security can only come from the auto-configurations.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WidgetController.class)
class WebTestApplication {

  /** What a service adds to the platform's rules, as the registry does for its API keys. */
  @Bean
  AccessRules widgetAccessRules() {
    return new AccessRules(List.of("/api/v1/open/**"), List.of("/api/v1/admin/**"));
  }
}
