package org.iotplatform.registry.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.flywaydb.core.Flyway;
import org.iotplatform.servers.PostgresServer;
import org.iotplatform.testsupport.TestServers;
import org.iotplatform.testsupport.TestTopics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay on its own database (so that the application's relay cannot take its rows): Kafka down
 * leaves the rows for the next round; Kafka up publishes them, to a topic it auto-creates.
 */
class OutboxRelayIT {

  private static final String DATABASE = "outbox_relay_it";

  /** Gives up on an unreachable Kafka quickly. */
  private static final OutboxProperties IMPATIENT =
      new OutboxProperties(
          Duration.ofMillis(200),
          10,
          Duration.ofSeconds(1),
          Duration.ofMillis(1500),
          Duration.ofDays(7));

  /** Leaves time for auto-creating the topic on a busy machine. */
  private static final OutboxProperties PATIENT =
      new OutboxProperties(
          Duration.ofMillis(200),
          10,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          Duration.ofDays(7));

  private JdbcTemplate jdbc;
  private TransactionTemplate transactions;
  private Outbox outbox;

  @BeforeEach
  void freshDatabase() {
    PostgresServer postgres = TestServers.postgres();
    postgres.dropDatabase(DATABASE);
    postgres.createDatabase(DATABASE);
    var dataSource =
        new DriverManagerDataSource(
            postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    outbox = new Outbox(jdbc);
  }

  @Test
  void leavesTheRowsWhenKafkaIsDownAndPublishesThemOnceItAnswers() throws IOException {
    String topic = TestTopics.unique("outbox-relay");
    transactions.executeWithoutResult(
        status -> {
          outbox.append("device:default/a", topic, "a", "1".getBytes(StandardCharsets.UTF_8));
          outbox.append("device:default/a", topic, "a", null);
        });

    var downFactory = producerFactory("127.0.0.1:" + unusedPort(), IMPATIENT);
    try {
      OutboxRelay down = relay(downFactory, IMPATIENT);
      assertThatThrownBy(down::relayOnce).isInstanceOf(IllegalStateException.class);
      assertThat(unpublished()).isEqualTo(2);
    } finally {
      downFactory.destroy();
    }

    var upFactory = producerFactory(TestServers.kafka().bootstrapServers(), PATIENT);
    try {
      OutboxRelay up = relay(upFactory, PATIENT);
      assertThat(up.relayOnce()).isEqualTo(2);
      assertThat(unpublished()).isZero();
      assertThat(up.relayOnce()).isZero();
    } finally {
      upFactory.destroy();
    }
  }

  private int unpublished() {
    Integer rows =
        jdbc.queryForObject(
            "SELECT count(*) FROM outbox WHERE published_at IS NULL", Integer.class);
    return rows == null ? 0 : rows;
  }

  private static DefaultKafkaProducerFactory<String, byte[]> producerFactory(
      String bootstrapServers, OutboxProperties properties) {
    var kafka = new KafkaProperties();
    kafka.setBootstrapServers(List.of(bootstrapServers));
    var factory =
        (DefaultKafkaProducerFactory<String, byte[]>)
            new OutboxConfiguration().outboxProducerFactory(kafka, properties);
    factory.updateConfigs(Map.of(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000));
    return factory;
  }

  private OutboxRelay relay(
      DefaultKafkaProducerFactory<String, byte[]> factory, OutboxProperties properties) {
    return new OutboxRelay(
        jdbc,
        transactions,
        new KafkaTemplate<>(factory),
        properties,
        new OutboxCleanup(jdbc, properties, Clock.systemUTC()));
  }

  /** A loopback port nobody listens on: bound, then released. */
  private static int unusedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
