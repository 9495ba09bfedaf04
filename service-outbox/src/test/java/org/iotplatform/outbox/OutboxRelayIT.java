package org.iotplatform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
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
 * The relay on real PostgreSQL and Kafka, on a database of its own: Kafka down leaves the rows for
 * the next round; Kafka up publishes them in order, counted; another relay's lock makes it wait.
 */
class OutboxRelayIT {

  private static final String DATABASE = "outbox_relay_it";
  private static final String SERVICE = "test-service";
  private static final long LOCK_ID = 0x0_7E57_0000L;

  /** Gives up on an unreachable Kafka quickly. */
  private static final OutboxProperties IMPATIENT =
      new OutboxProperties(
          Duration.ofMillis(200),
          10,
          Duration.ofSeconds(1),
          Duration.ofMillis(1500),
          Duration.ofDays(7));

  /** Leaves time for the topic's metadata on a busy machine. */
  private static final OutboxProperties PATIENT =
      new OutboxProperties(
          Duration.ofMillis(200),
          10,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          Duration.ofDays(7));

  private final MeterRegistry meters = new SimpleMeterRegistry();
  private JdbcTemplate jdbc;
  private TransactionTemplate transactions;
  private Outbox outbox;

  @BeforeEach
  void freshDatabase() {
    DataSource dataSource = OutboxDatabase.fresh(DATABASE);
    jdbc = new JdbcTemplate(dataSource);
    transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    outbox = new Outbox(jdbc);
  }

  @Test
  void leavesTheRowsWhenKafkaIsDownAndPublishesThemInOrderOnceItAnswers() throws IOException {
    String topic = TestTopics.unique("outbox-relay");
    TestServers.kafka().createTopics(1, topic);
    transactions.executeWithoutResult(
        status -> {
          outbox.append("device:default/a", topic, "a", bytes("v1"));
          outbox.appendAll(
              List.of(
                  new OutboxRecord("device:default/a", topic, "a", bytes("v2")),
                  new OutboxRecord("device:default/a", topic, "a", bytes("v3"))));
          outbox.append("device:default/a", topic, "a", null);
        });

    var downFactory = producerFactory("127.0.0.1:" + unusedPort(), IMPATIENT);
    try {
      OutboxRelay down = relay(downFactory, IMPATIENT);
      assertThatThrownBy(down::relayOnce).isInstanceOf(IllegalStateException.class);
      assertThat(unpublished()).isEqualTo(4);
    } finally {
      downFactory.destroy();
    }

    var upFactory = producerFactory(TestServers.kafka().bootstrapServers(), PATIENT);
    try {
      OutboxRelay underTest = relay(upFactory, PATIENT);
      assertThat(underTest.relayOnce()).isEqualTo(4);
      assertThat(unpublished()).isZero();
      assertThat(underTest.relayOnce()).isZero();
    } finally {
      upFactory.destroy();
    }
    assertThat(read(topic, 4)).containsExactly("v1", "v2", "v3", null);
    assertThat(meters.get("iot.outbox.published").tag("service", SERVICE).counter().count())
        .isEqualTo(4);
  }

  @Test
  void measuresTheAgeOfTheOldestUnsentRowAsTheLag() {
    transactions.executeWithoutResult(
        status -> {
          outbox.append("rule:t/old", "unused-topic", "old", null);
          outbox.append("rule:t/sent", "unused-topic", "sent", null);
        });
    jdbc.update(
        "UPDATE outbox SET created_at = now() - interval '1 hour' WHERE record_key = 'old'");
    jdbc.update(
        "UPDATE outbox SET created_at = now() - interval '2 hours', published_at = now()"
            + " WHERE record_key = 'sent'");
    var factory = producerFactory("127.0.0.1:" + unusedPortQuietly(), IMPATIENT);
    try {
      OutboxRelay underTest = relay(factory, IMPATIENT);

      underTest.measureLag();
      assertThat(lag()).isBetween(3600.0, 2 * 3600.0);

      jdbc.update("UPDATE outbox SET published_at = now()");
      underTest.measureLag();
      assertThat(lag()).isZero();
    } finally {
      factory.destroy();
    }
  }

  @Test
  void sendsNothingWhileAnotherRelayHoldsTheLock() {
    transactions.executeWithoutResult(
        status -> outbox.append("device:default/a", "unused-topic", "a", null));
    // Another instance's relay: its own connection, holding the lock for its transaction.
    PostgresServer postgres = TestServers.postgres();
    var otherConnection =
        new DriverManagerDataSource(
            postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password());
    var otherInstance = new TransactionTemplate(new DataSourceTransactionManager(otherConnection));
    // Kafka is unreachable: a relay that got past the lock would fail instead of returning 0.
    var factory = producerFactory("127.0.0.1:" + unusedPortQuietly(), IMPATIENT);
    try {
      OutboxRelay underTest = relay(factory, IMPATIENT);
      otherInstance.executeWithoutResult(
          status -> {
            new JdbcTemplate(otherConnection)
                .queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, LOCK_ID);

            assertThat(underTest.relayOnce()).isZero();
          });
      assertThat(unpublished()).isEqualTo(1);
    } finally {
      factory.destroy();
    }
  }

  private double lag() {
    return meters.get("iot.outbox.lag").tag("service", SERVICE).gauge().value();
  }

  private int unpublished() {
    Integer rows =
        jdbc.queryForObject(
            "SELECT count(*) FROM outbox WHERE published_at IS NULL", Integer.class);
    return rows == null ? 0 : rows;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static DefaultKafkaProducerFactory<String, byte[]> producerFactory(
      String bootstrapServers, OutboxProperties properties) {
    var kafka = new KafkaProperties();
    kafka.setBootstrapServers(List.of(bootstrapServers));
    var factory = OutboxConfiguration.producerFactory(kafka, properties);
    factory.updateConfigs(Map.of(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000));
    return factory;
  }

  private OutboxRelay relay(
      DefaultKafkaProducerFactory<String, byte[]> factory, OutboxProperties properties) {
    return new OutboxRelay(
        jdbc,
        transactions,
        new KafkaTemplate<>(factory),
        new OutboxSettings(SERVICE, LOCK_ID, properties),
        new OutboxCleanup(jdbc, properties, Clock.systemUTC()),
        meters);
  }

  private static List<String> read(String topic, int count) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  values.add(record.value());
                }
                return values.size() >= count;
              });
    }
    return values;
  }

  private static int unusedPortQuietly() {
    try {
      return unusedPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A loopback port nobody listens on: bound, then released. */
  private static int unusedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
