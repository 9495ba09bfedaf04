package org.iotplatform.registry.outbox;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The relay's producer: Boot's {@code spring.kafka.*} settings (bootstrap servers, security), with
 * what the delivery guarantee needs fixed here so that no property can weaken it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxConfiguration {

  @Bean
  ProducerFactory<String, byte[]> outboxProducerFactory(
      KafkaProperties kafka, OutboxProperties outbox) {
    Map<String, Object> config = kafka.buildProducerProperties();
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    // Every in-sync replica has the record before it counts as sent, and retries neither
    // duplicate nor reorder records within a partition (hence per device).
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Kafka down must not block a round for the default minute: fail, back off, retry.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, outbox.sendTimeout().toMillis());
    return new DefaultKafkaProducerFactory<>(config);
  }

  @Bean
  KafkaTemplate<String, byte[]> outboxKafkaTemplate(ProducerFactory<String, byte[]> factory) {
    return new KafkaTemplate<>(factory);
  }
}
