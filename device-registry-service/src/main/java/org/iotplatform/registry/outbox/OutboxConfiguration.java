package org.iotplatform.registry.outbox;

import org.iotplatform.outbox.OutboxProperties;
import org.iotplatform.outbox.OutboxSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The registry's transactional outbox: the shared one of {@code service-outbox}, set from {@code
 * iot.registry.outbox.*}, on the registry's own {@code outbox} table (migration V2).
 */
@Configuration(proxyBeanMethods = false)
@Import(org.iotplatform.outbox.OutboxConfiguration.class)
class OutboxConfiguration {

  /** The property prefix of the relay's settings. */
  static final String PREFIX = "iot.registry.outbox";

  /** Any constant (unchanged since the registry had its own relay); it names the relay's lock. */
  static final long LOCK_ID = 0x0_07B0_0000L;

  @Bean
  OutboxSettings outboxSettings(Environment environment) {
    return new OutboxSettings(
        "device-registry", LOCK_ID, OutboxProperties.bind(environment, PREFIX));
  }
}
