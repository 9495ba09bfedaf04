package org.iotplatform.alerts.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay and its producer: Boot's {@code spring.kafka.*} settings (bootstrap servers, security),
 * with what the delivery guarantee needs fixed here so that no property can weaken it. The producer
 * is no bean, so that Boot's own Kafka template stays for the service's other features.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxConfiguration {

  @Bean
  OutboxRelay outboxRelay(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      KafkaProperties kafka,
      OutboxProperties outbox,
      MeterRegistry meters) {
    Map<String, Object> config = kafka.buildProducerProperties();
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    // Every in-sync replica has the record before it counts as sent, and retries neither
    // duplicate nor reorder records within a partition (hence per rule).
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Kafka down must not block a round for the default minute: fail, back off, retry.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, outbox.sendTimeout().toMillis());
    KafkaTemplate<String, byte[]> template =
        new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    return new OutboxRelay(jdbc, transactions, template, outbox, meters);
  }
}
