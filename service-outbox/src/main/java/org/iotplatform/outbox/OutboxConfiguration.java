package org.iotplatform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox and its relay, for a service to {@code @Import} next to its own {@link OutboxSettings}
 * bean. Imported rather than auto-configured: a service that has no outbox table must not get a
 * relay by having this module on its classpath.
 *
 * <p>The relay's producer takes Boot's {@code spring.kafka.*} settings (bootstrap servers,
 * security), with what the delivery guarantee needs fixed here so that no property can weaken it.
 * It is no bean, so that Boot's own Kafka template stays for the service's other features.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

  @Bean
  Outbox outbox(JdbcTemplate jdbc) {
    return new Outbox(jdbc);
  }

  @Bean
  OutboxRelay outboxRelay(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      KafkaProperties kafka,
      OutboxSettings settings,
      MeterRegistry meters) {
    KafkaTemplate<String, byte[]> template =
        new KafkaTemplate<>(producerFactory(kafka, settings.properties()));
    OutboxCleanup cleanup = new OutboxCleanup(jdbc, settings.properties(), Clock.systemUTC());
    return new OutboxRelay(jdbc, transactions, template, settings, cleanup, meters);
  }

  static DefaultKafkaProducerFactory<String, byte[]> producerFactory(
      KafkaProperties kafka, OutboxProperties outbox) {
    Map<String, Object> config = kafka.buildProducerProperties();
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    // Every in-sync replica has the record before it counts as sent, and retries neither
    // duplicate nor reorder records within a partition (hence per key).
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Kafka down must not block a round for the default minute: fail, back off, retry.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, outbox.sendTimeout().toMillis());
    return new DefaultKafkaProducerFactory<>(config);
  }
}
