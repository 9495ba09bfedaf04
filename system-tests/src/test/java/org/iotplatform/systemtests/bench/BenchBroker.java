package org.iotplatform.systemtests.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.iotplatform.bridge.BridgeConfig;
import org.iotplatform.bridge.BridgeConfig.ProducerTuning;
import org.iotplatform.bridge.IngestionBridge;
import org.iotplatform.servers.HiveMqServer;

/**
 * A HiveMQ CE broker in its own JVM for the benchmark, so that its memory can be measured apart
 * from the load generator's: {@code BenchBroker <kafka bootstrap servers | none>}. Prints {@value
 * #READY} and the MQTT port once it listens, and stops when its standard input closes.
 */
public final class BenchBroker {

  static final String READY = "BENCH-BROKER-READY ";

  private BenchBroker() {}

  public static void main(String[] args) throws IOException {
    String kafka = args[0];
    HiveMqServer.Builder builder = HiveMqServer.builder();
    if (!"none".equals(kafka)) {
      BridgeConfig config = BridgeConfig.defaults(kafka);
      // -Dbench.linger.ms: the producer's linger, to see what batching costs in PUBACK latency.
      Long linger = Long.getLong("bench.linger.ms");
      if (linger != null) {
        ProducerTuning tuning = config.producer();
        config =
            config.withProducer(
                new ProducerTuning(
                    Duration.ofMillis(linger),
                    tuning.batchSizeBytes(),
                    tuning.maxInFlightRequests(),
                    tuning.maxBlock()));
      }
      builder.extension(IngestionBridge.embeddedExtension(config));
    }
    try (HiveMqServer broker = builder.start()) {
      System.out.println(READY + broker.mqttPort());
      System.out.flush();
      InputStream in = System.in;
      while (in.read() >= 0) {
        // Runs until the harness closes the pipe (or dies).
      }
    }
    System.exit(0);
  }
}
