package org.iotplatform.alerts.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iotplatform.alerts.AlertEngineITBase;
import org.iotplatform.alerts.ChannelDirectory;
import org.iotplatform.alerts.GroupMembers;
import org.iotplatform.contracts.AlertEvent;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.testsupport.TestJwts;
import org.iotplatform.testsupport.TestServers;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service of {@link AlertEngineITBase} with what the lifecycle, notification and silence tests
 * share: test implementations of {@link ChannelDirectory} and {@link GroupMembers} (the rules
 * feature provides the real ones), a {@link TestClock} tests may freeze, GreenMail as the SMTP
 * server, short notification windows and back-offs, a producer of alert events and REST clients per
 * tenant and role. All these tests extend it, so they share one Spring context.
 */
@Import(AlertsITBase.TestDirectories.class)
public abstract class AlertsITBase extends AlertEngineITBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static KafkaProducer<String, byte[]> producer;

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void notificationSettings(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> TestMail.server().getSmtp().getPort());
    registry.add("iot.alerts.notifications.group-window", () -> "2s");
    registry.add("iot.alerts.notifications.poll-interval", () -> "50ms");
    registry.add("iot.alerts.notifications.initial-backoff", () -> "100ms");
    registry.add("iot.alerts.notifications.max-backoff", () -> "400ms");
    registry.add("iot.alerts.notifications.max-attempts", () -> "3");
    registry.add("iot.alerts.notifications.timeout", () -> "2s");
  }

  /** A client of the service acting in {@code tenant} with {@code roles}. */
  protected RestTestClient client(String tenant, String... roles) {
    return RestTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + port)
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwts.token(tenant, roles))
        .build();
  }

  /** Writes the events to {@code iot.alerts.v1}, keyed by device, and waits for the acks. */
  protected static void publish(AlertEvent... events) {
    for (AlertEvent event : events) {
      send(event.deviceId(), JSON.writeValueAsBytes(event));
    }
    producer().flush();
  }

  /** Writes {@code count} events made by {@code event} from their index, then flushes. */
  protected static void publishWithoutWaiting(int count, IntFunction<AlertEvent> event) {
    for (int i = 0; i < count; i++) {
      AlertEvent next = event.apply(i);
      producer()
          .send(
              new ProducerRecord<>(
                  KafkaTopics.ALERTS, next.deviceId(), JSON.writeValueAsBytes(next)));
    }
    producer().flush();
  }

  /** Writes a raw record to {@code iot.alerts.v1}. */
  protected static void send(String key, byte[] value) {
    try {
      producer().send(new ProducerRecord<>(KafkaTopics.ALERTS, key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      Properties config = new Properties();
      config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers());
      config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
      config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
      producer = new KafkaProducer<>(config);
    }
    return producer;
  }

  /** A FIRED event of the rule on the device. */
  protected static AlertEvent fired(String tenant, String ruleId, String deviceId, Instant at) {
    String alertId = AlertEvent.alertId(ruleId, deviceId, at);
    return new AlertEvent(
        AlertEvent.eventId(alertId, AlertEvent.FIRED),
        alertId,
        AlertEvent.FIRED,
        tenant,
        ruleId,
        1,
        "Freezer too warm",
        "HIGH",
        deviceId,
        "temperature",
        -12.5,
        at,
        at,
        "temperature -12.5 > -15.0 for 3 readings",
        at.plusMillis(50));
  }

  /** The RESOLVED event of the alert that {@code fired} started. */
  protected static AlertEvent resolved(AlertEvent fired, Instant at) {
    return new AlertEvent(
        AlertEvent.eventId(fired.alertId(), AlertEvent.RESOLVED),
        fired.alertId(),
        AlertEvent.RESOLVED,
        fired.tenantId(),
        fired.ruleId(),
        fired.ruleVersion(),
        fired.ruleName(),
        fired.severity(),
        fired.deviceId(),
        "temperature",
        -18.0,
        at,
        fired.firedAt(),
        "temperature -18.0 <= -15.0",
        at.plusMillis(50));
  }

  protected static String newRuleId() {
    return UUID.randomUUID().toString();
  }

  /** The channels and groups the tests give each rule, in place of the rules feature's. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class TestDirectories {

    // Instead of the rules feature's real ones, which this context has too.
    @Bean
    @Primary
    TestChannels testChannels() {
      return new TestChannels();
    }

    // Instead of the rules feature's real ones, which this context has too.
    @Bean
    @Primary
    TestGroups testGroups() {
      return new TestGroups();
    }

    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }

  /** Channels per tenant and rule, as a test sets them. */
  public static final class TestChannels implements ChannelDirectory {

    private final Map<String, List<ChannelTarget>> channels = new ConcurrentHashMap<>();

    public void set(String tenantId, String ruleId, ChannelTarget... targets) {
      channels.put(tenantId + "/" + ruleId, List.of(targets));
    }

    @Override
    public List<ChannelTarget> channelsOf(String tenantId, String ruleId) {
      return channels.getOrDefault(tenantId + "/" + ruleId, List.of());
    }
  }

  /** Group members by group name, as a test sets them; the token is not checked. */
  public static final class TestGroups implements GroupMembers {

    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

    public void set(String group, String... deviceIds) {
      groups.put(group, List.of(deviceIds));
    }

    @Override
    public Optional<List<String>> members(String group, String bearerToken) {
      return Optional.ofNullable(groups.get(group));
    }
  }
}
