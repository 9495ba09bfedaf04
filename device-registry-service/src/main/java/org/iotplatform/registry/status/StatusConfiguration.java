package org.iotplatform.registry.status;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatusProperties.class)
class StatusConfiguration {

  @Bean
  @ConditionalOnBooleanProperty(name = "iot.registry.status.enabled", matchIfMissing = true)
  DeviceStatusConsumer deviceStatusConsumer(
      KafkaProperties kafka,
      StatusProperties properties,
      StatusWriter writer,
      MeterRegistry meters) {
    return new DeviceStatusConsumer(kafka, properties, writer, meters);
  }
}
