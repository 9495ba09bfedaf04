package org.iotplatform.alerts.outbox;

import org.iotplatform.outbox.OutboxProperties;
import org.iotplatform.outbox.OutboxSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The rules' transactional outbox: the shared one of {@code service-outbox}, set from {@code
 * iot.alerts.outbox.*}, on alert-engine's own {@code outbox} table (migration V2).
 */
@Configuration(proxyBeanMethods = false)
@Import(org.iotplatform.outbox.OutboxConfiguration.class)
class OutboxConfiguration {

  /** The property prefix of the relay's settings. */
  static final String PREFIX = "iot.alerts.outbox";

  /** Any constant (unchanged since alert-engine had its own relay); it names the relay's lock. */
  static final long LOCK_ID = 0x0_A1E7_0000L;

  @Bean
  OutboxSettings outboxSettings(Environment environment) {
    return new OutboxSettings("alert-engine", LOCK_ID, OutboxProperties.bind(environment, PREFIX));
  }
}
