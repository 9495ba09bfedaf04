package org.iotplatform.alerts.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LifecycleProperties.class)
class AlertConfiguration {

  @Bean
  @ConditionalOnBooleanProperty(name = "iot.alerts.lifecycle.enabled", matchIfMissing = true)
  AlertEventConsumer alertEventConsumer(
      KafkaProperties kafka,
      LifecycleProperties properties,
      AlertLifecycle lifecycle,
      MeterRegistry meters) {
    return new AlertEventConsumer(kafka, properties, lifecycle, meters);
  }

  /** Alerts by state, counted in PostgreSQL when scraped (NaN while it is unreachable). */
  @Bean
  AlertStateGauges alertStateGauges(AlertRepository alerts, MeterRegistry meters) {
    AlertStateGauges gauges = new AlertStateGauges(alerts);
    for (AlertState state : AlertState.values()) {
      Gauge.builder("iot.alerts.alerts", gauges, g -> g.count(state))
          .tag("state", state.name())
          .description("Alerts in each state, over all tenants")
          .register(meters);
    }
    return gauges;
  }
}
