package org.iotplatform.registry.credential;

import java.time.Clock;
import org.iotplatform.registry.credential.internal.CaProperties;
import org.iotplatform.registry.credential.internal.CaStore;
import org.iotplatform.registry.credential.internal.CertificateAuthority;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CaProperties.class, CredentialProperties.class})
class CredentialConfiguration {

  /** Loaded (or generated) at start, so that a broken CA stops the start, not the first request. */
  @Bean
  CertificateAuthority certificateAuthority(CaProperties properties, Clock clock) {
    return CaStore.load(properties, clock);
  }
}
