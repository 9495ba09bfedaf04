package org.iotplatform.alerts.registry;

import java.net.http.HttpClient;
import org.iotplatform.alerts.GroupMembers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
class RegistryConfiguration {

  @Bean
  GroupMembers registryGroupMembers(RegistryProperties properties) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    return new RegistryGroupMembers(http, properties);
  }
}
