package org.iotplatform.shadow;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import org.iotplatform.shadow.document.ShadowRejectedException;
import org.iotplatform.shadow.fleet.FleetQueryRepository;
import org.iotplatform.shadow.fleet.ShadowIndex;
import org.iotplatform.shadow.management.DeviceAnswers;
import org.iotplatform.shadow.management.ShadowManagement;
import org.iotplatform.shadow.store.OutboxRelay;
import org.iotplatform.shadow.store.ShadowStore;
import org.iotplatform.shadow.store.ShadowStoreProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** Wires the store, the use cases and the outbox relay. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ShadowStoreProperties.class, ShadowLimitsProperties.class})
class ShadowConfiguration {

  @Bean(destroyMethod = "shutdown")
  RedisClient shadowRedisClient(ShadowStoreProperties properties) {
    RedisClient client = RedisClient.create(properties.redisUri());
    client.setOptions(
        ClientOptions.builder()
            .timeoutOptions(TimeoutOptions.enabled(properties.commandTimeout()))
            .build());
    return client;
  }

  @Bean(destroyMethod = "close")
  StatefulRedisConnection<String, String> shadowRedisConnection(RedisClient client) {
    return client.connect();
  }

  @Bean
  ShadowStore shadowStore(
      StatefulRedisConnection<String, String> connection, ShadowStoreProperties properties) {
    return new ShadowStore(connection, properties.historyLength());
  }

  @Bean
  FleetQueryRepository fleetQueryRepository(StatefulRedisConnection<String, String> connection) {
    return new FleetQueryRepository(connection);
  }

  @Bean
  Clock shadowClock() {
    return Clock.systemUTC();
  }

  @Bean
  ShadowManagement shadowManagement(ShadowStore store, ShadowLimitsProperties limits, Clock clock) {
    return new ShadowManagement(store, new ShadowIndex(), limits.toLimits(), clock);
  }

  @Bean
  DeviceAnswers deviceAnswers(ShadowStore store, KafkaTemplate<String, String> kafka, Clock clock) {
    return new DeviceAnswers(store, kafka, clock);
  }

  @Bean
  OutboxRelay shadowOutboxRelay(
      RedisClient client,
      KafkaTemplate<String, String> kafka,
      ShadowStoreProperties properties,
      MeterRegistry meters) {
    // One consumer name per process: what a crashed process read is pending under its name and
    // read again by the same name at its next start.
    String consumer = "relay-" + ManagementFactory.getRuntimeMXBean().getName();
    return new OutboxRelay(
        client,
        kafka,
        consumer,
        properties.commandTimeout(),
        properties.relayTakeoverAfter(),
        meters);
  }

  /**
   * Retries a record whose processing failed (Redis or Kafka down) with back-off, for as long as it
   * takes: a shadow request the broker acknowledged must not be skipped. Refusals are answered by
   * the listener and never reach this.
   */
  @Bean
  CommonErrorHandler shadowListenerErrorHandler() {
    ExponentialBackOff backOff = new ExponentialBackOff(100, 2);
    backOff.setMaxInterval(5_000);
    DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
    handler.addNotRetryableExceptions(ShadowRejectedException.class);
    return handler;
  }
}
