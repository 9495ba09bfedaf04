package org.iotplatform.alerts.directory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryProperties.class)
class DirectoryConfiguration {

  @Bean
  @ConditionalOnBooleanProperty(name = "iot.alerts.directory.enabled", matchIfMissing = true)
  DirectoryListener directoryListener(JdbcTemplate jdbc) {
    return new DirectoryListener(jdbc);
  }
}
