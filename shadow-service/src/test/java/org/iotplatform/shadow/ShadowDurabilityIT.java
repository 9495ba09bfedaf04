package org.iotplatform.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.servers.FreePorts;
import org.iotplatform.servers.RedisServer;
import org.iotplatform.testsupport.KafkaExtension;
import org.iotplatform.testsupport.ServiceJarProcess;
import org.iotplatform.testsupport.TestDevices;
import org.iotplatform.testsupport.TestJwts;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing acknowledged is lost when Redis and the service crash: operators' updates answered 200
 * and devices' updates in Kafka (what the broker PUBACKed) are all in the shadows after both are
 * killed with SIGKILL and started again on the same append-only file.
 */
@ExtendWith(KafkaExtension.class)
class ShadowDurabilityIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int DEVICES = 10;
  private static final int OPERATOR_UPDATES = 10;
  private static final int DEVICE_UPDATES = 10;

  /** Both runs of the service log here, for a look after a failure. */
  private static final Path SERVICE_LOG = Path.of("target", "shadow-durability-service.log");

  @TempDir Path dir;

  @Test
  void acknowledgedUpdatesSurviveKillingRedisAndTheService() throws Exception {
    KafkaProbe.createServiceTopics();
    Path redisDir = Files.createDirectories(dir.resolve("redis"));
    int redisPort = FreePorts.pick();
    int servicePort = FreePorts.pick();
    List<String> devices = TestDevices.create(DEVICES);
    String groups = "durability-" + devices.get(0);
    RedisServer redis = RedisServer.start(redisPort, redisDir);
    ServiceJarProcess service = null;
    try (KafkaProbe kafka = new KafkaProbe(KafkaTopics.DOWNLINK)) {
      service = start(servicePort, redis, groups);
      for (String device : devices) {
        kafka.send(KafkaTopics.DEVICES, device, "{\"tenantId\":\"default\"}", null, null);
      }
      ServiceJarProcess first = service;
      await().atMost(Duration.ofSeconds(30)).until(() -> knowsAll(first, devices));
      for (int i = 0; i < OPERATOR_UPDATES; i++) {
        for (String device : devices) {
          HttpResponse<String> patched =
              patch(first, device, "{\"state\":{\"desired\":{\"d" + i + "\":" + i + "}}}");
          assertThat(patched.statusCode()).isEqualTo(200);
        }
      }
      for (int i = 0; i < DEVICE_UPDATES; i++) {
        for (String device : devices) {
          kafka.sendFromDevice(
              KafkaTopics.SHADOW,
              device,
              "devices/" + device + "/shadow/update",
              "{\"state\":{\"reported\":{\"r" + i + "\":" + i + "}}}");
        }
      }

      service.kill();
      redis.kill();
      redis = RedisServer.start(redisPort, redisDir);
      service = start(servicePort, redis, groups);

      ServiceJarProcess second = service;
      for (String device : devices) {
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  JsonNode state = JSON.readTree(get(second, device).body()).path("state");
                  for (int i = 0; i < OPERATOR_UPDATES; i++) {
                    assertThat(state.path("desired").path("d" + i).asInt(-1)).isEqualTo(i);
                  }
                  for (int i = 0; i < DEVICE_UPDATES; i++) {
                    assertThat(state.path("reported").path("r" + i).asInt(-1)).isEqualTo(i);
                  }
                });
        // The outbox relays what the changes announced, crash or not (at least once).
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> acceptedReports(kafka, device) >= DEVICE_UPDATES);
      }
    } finally {
      if (service != null) {
        service.close();
      }
      redis.close();
    }
  }

  private static long acceptedReports(KafkaProbe kafka, String device) {
    String topic = "devices/" + device + "/shadow/update/accepted";
    return kafka.receivedFor(device).stream()
        .map(record -> JSON.readTree(record.value()))
        .filter(message -> topic.equals(message.path("topic").asString("")))
        .filter(message -> message.path("payload").asString("").contains("\"reported\""))
        .count();
  }

  /** The service's own jar, built by the package phase before the integration tests. */
  private static ServiceJarProcess start(int port, RedisServer redis, String groups) {
    return ServiceJarProcess.start(
        ServiceJarProcess.jar(Path.of("target"), "shadow-service"),
        port,
        List.of("-Xmx256m"),
        args(redis, groups),
        SERVICE_LOG);
  }

  private static List<String> args(RedisServer redis, String groups) {
    List<String> args = new ArrayList<>();
    args.add("--iot.shadow.store.redis-uri=" + redis.uri());
    args.add("--spring.kafka.bootstrap-servers=" + TestServers.kafka().bootstrapServers());
    args.add("--" + TestJwts.PUBLIC_KEY_PROPERTY + "=" + TestJwts.publicKeyLocation());
    args.add("--iot.shadow.kafka.group-prefix=" + groups);
    return args;
  }

  private static boolean knowsAll(ServiceJarProcess service, List<String> devices)
      throws Exception {
    for (String device : devices) {
      JsonNode problem = JSON.readTree(get(service, device).body());
      if (!problem.path("detail").asString("").contains("has no shadow")) {
        return false;
      }
    }
    return true;
  }

  private static HttpResponse<String> get(ServiceJarProcess service, String device)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(service.uri("/api/v1/devices/" + device + "/shadow"))
            .header("Authorization", "Bearer " + TestJwts.token("default", "operator"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> patch(ServiceJarProcess service, String device, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(service.uri("/api/v1/devices/" + device + "/shadow"))
            .header("Authorization", "Bearer " + TestJwts.token("default", "operator"))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
