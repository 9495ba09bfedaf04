package org.iotplatform.registry.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.servers.PostgresServer;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Heartbeat events absorbed by the status writer: 100,000 devices heartbeating every 30 s for ten
 * minutes of fleet time (2,000,000 events), read from a real Kafka into a real PostgreSQL with the
 * default settings. Prints events/s and how many row updates the fleet costs per second of its own
 * time, against the 3,333 a second that one update per heartbeat would cost. Not part of the suite:
 *
 * <pre>./mvnw -B -pl device-registry-service -am verify -Dtest=none -Dit.test=HeartbeatBenchmark \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 */
class HeartbeatBenchmark {

  private static final int DEVICES = 100_000;
  private static final int ROUNDS = 20;
  private static final Duration HEARTBEAT = Duration.ofSeconds(30);
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void absorbsAFleetsHeartbeats() {
    PostgresServer postgres = TestServers.postgres();
    KafkaServer kafka = TestServers.kafka();
    String database = "bench_status_" + System.nanoTime();
    postgres.createDatabase(database);
    try (HikariDataSource dataSource = new HikariDataSource()) {
      dataSource.setJdbcUrl(postgres.jdbcUrl(database));
      dataSource.setUsername(postgres.user());
      dataSource.setPassword(postgres.password());
      Flyway.configure().dataSource(dataSource).load().migrate();
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      jdbc.update(
          "INSERT INTO device_types (tenant_id, name, created_at) VALUES ('default', 'm', now())");
      jdbc.update(
          "INSERT INTO devices (tenant_id, id, type, status, created_at, updated_at, version)"
              + " SELECT 'default', 'hb-' || i, 'm', 'OFFLINE', now(), now(), 0"
              + " FROM generate_series(1, ?) AS i",
          DEVICES);

      String topic = KafkaTopics.DEVICE_EVENTS;
      kafka.createTopics(2, topic);
      long produced = produce(kafka);

      KafkaProperties kafkaProperties = new KafkaProperties();
      kafkaProperties.setBootstrapServers(List.of(kafka.bootstrapServers()));
      StatusProperties properties =
          new StatusProperties(
              true,
              "bench-" + System.nanoTime(),
              Duration.ofSeconds(2),
              Duration.ofMinutes(5),
              5000,
              1_000_000);
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      DeviceStatusConsumer underTest =
          new DeviceStatusConsumer(kafkaProperties, properties, new StatusWriter(jdbc), meters);
      underTest.start();
      try {
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(10))
            .until(() -> meters.counter("iot.registry.status.events").count() > 0);
        long start = System.nanoTime();
        Instant last = T0.plus(HEARTBEAT.multipliedBy(ROUNDS - 1));
        await()
            .atMost(Duration.ofMinutes(10))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () ->
                    jdbc.queryForObject(
                            "SELECT count(*) FROM devices WHERE last_seen >= ?",
                            Long.class,
                            Timestamp.from(last.minus(Duration.ofMinutes(5))))
                        == DEVICES);
        await()
            .atMost(Duration.ofMinutes(1))
            .until(() -> meters.counter("iot.registry.status.events").count() >= produced);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rows = meters.counter("iot.registry.status.rows").count();
        double fleetSeconds = HEARTBEAT.multipliedBy(ROUNDS).toSeconds();
        System.out.printf(
            "HeartbeatBenchmark: %,d events from %,d devices in %.1f s = %,.0f events/s;"
                + " %,.0f row updates (%.1f%% of events), %,.0f row updates per second of fleet time"
                + " (one per heartbeat: %,.0f)%n",
            produced,
            DEVICES,
            seconds,
            produced / seconds,
            rows,
            100 * rows / produced,
            rows / fleetSeconds,
            DEVICES / (double) HEARTBEAT.toSeconds());
        assertThat(rows).isLessThan(produced);
      } finally {
        underTest.stop();
      }
    } finally {
      postgres.dropDatabase(database);
    }
  }

  private static long produce(KafkaServer kafka) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    byte[] payload =
        "{\"battery\":87,\"rssi\":-70,\"firmware\":\"2.4.1\"}".getBytes(StandardCharsets.UTF_8);
    long sent = 0;
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      for (int round = 0; round < ROUNDS; round++) {
        long at = T0.plus(HEARTBEAT.multipliedBy(round)).toEpochMilli();
        for (int i = 1; i <= DEVICES; i++) {
          ProducerRecord<String, byte[]> record =
              new ProducerRecord<>(KafkaTopics.DEVICE_EVENTS, "hb-" + i, payload);
          record.headers().add(KafkaHeaders.RECEIVED_AT, KafkaHeaders.encode(at));
          producer.send(record);
          sent++;
        }
      }
      producer.flush();
    }
    return sent;
  }
}
