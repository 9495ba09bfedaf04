package org.iotplatform.bridge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult.Mqtt5Qos1Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.TestDevices;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension folder the build packs ({@code target/*-extension.zip}), unzipped into a broker's
 * extensions folder as an operator would do with a standalone HiveMQ CE, loads and forwards: the
 * broker finds it by its descriptor, reads its {@code conf/config.properties} and runs the bridge
 * from the packed jar in its own class loader.
 */
class ExtensionPackageIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path extensions;

  @Test
  void theUnzippedExtensionFolderForwardsTelemetryToKafka() throws IOException {
    KafkaServer kafka = TestServers.kafka();
    kafka.createTopics(1, KafkaTopics.TELEMETRY, KafkaTopics.DEVICE_EVENTS);
    unzip(extensionZip(), extensions);
    Path folder = extensions.resolve(IngestionBridge.ID);
    assertThat(folder.resolve("hivemq-extension.xml")).isRegularFile();
    // What an operator edits: point the bridge at this Kafka, without device credentials.
    Files.writeString(
        folder.resolve(IngestionBridgeMain.CONFIG_FILE),
        "kafka.bootstrap.servers=" + kafka.bootstrapServers() + "\nauth.mode=none\n");
    String device = TestDevices.createOne();

    try (HiveMqServer broker = HiveMqServer.builder().extensionsFolder(extensions).start()) {
      Mqtt5BlockingClient client =
          MqttClient.builder()
              .useMqttVersion5()
              .identifier(device)
              .serverHost("127.0.0.1")
              .serverPort(broker.mqttPort())
              .buildBlocking();
      client.connect();
      // The broker may accept connections a moment before it has started its extensions.
      await()
          .atMost(WAIT)
          .until(
              () -> {
                Mqtt5Qos1Result result =
                    (Mqtt5Qos1Result)
                        client
                            .publishWith()
                            .topic(DeviceTopic.telemetry(device).topic())
                            .qos(MqttQos.AT_LEAST_ONCE)
                            .payload("{\"metrics\":{\"t\":1}}".getBytes(UTF_8))
                            .send();
                return !result.getPubAck().getReasonCode().isError();
              });
      client.disconnect();
    }

    assertThat(telemetryKeys(kafka, device)).contains(device);
  }

  private static Path extensionZip() throws IOException {
    try (DirectoryStream<Path> zips =
        Files.newDirectoryStream(Path.of("target"), "*-extension.zip")) {
      List<Path> found = new ArrayList<>();
      zips.forEach(found::add);
      assertThat(found).as("the package phase built the extension zip").hasSize(1);
      return found.get(0);
    }
  }

  private static void unzip(Path zip, Path into) throws IOException {
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("zip entry outside the folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(entries, target);
        }
      }
    }
  }

  /** The keys of telemetry records, read until {@code awaited}'s shows up or time runs out. */
  private static List<String> telemetryKeys(KafkaServer kafka, String awaited) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.GROUP_ID_CONFIG,
            "extension-package-it");
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(KafkaTopics.TELEMETRY));
      await()
          .atMost(WAIT)
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  keys.add(record.key());
                }
                return keys.contains(awaited);
              });
    }
    return keys;
  }
}
