package org.iotplatform.systemtests.bench;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
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

  // The producer's own averages printed at stop: where a record's time to Kafka goes.
  private static final List<String> PRODUCER_METRICS =
      List.of(
          "record-queue-time-avg",
          "request-latency-avg",
          "records-per-request-avg",
          "batch-size-avg",
          "request-rate",
          "io-wait-ratio");

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
      printBridgeFigures(broker.metricRegistry());
    }
    System.exit(0);
  }

  /** The bridge's Kafka send latency and records, for the log (what limits the figures). */
  private static void printBridgeFigures(MetricRegistry metrics) {
    Timer send = metrics.getTimers().get("org.iotplatform.bridge.kafka.send.latency");
    if (send == null) {
      return;
    }
    Snapshot latency = send.getSnapshot();
    System.out.printf(
        "BENCH-BROKER-FIGURES kafka send: %d records, p50 %.1f ms, p99 %.1f ms, mean %.1f ms%n",
        send.getCount(),
        latency.getMedian() / 1e6,
        latency.get99thPercentile() / 1e6,
        latency.getMean() / 1e6);
    metrics.getCounters().entrySet().stream()
        .filter(counter -> counter.getKey().startsWith("org.iotplatform.bridge."))
        .forEach(
            counter ->
                System.out.printf(
                    "BENCH-BROKER-FIGURES %s %d%n",
                    counter.getKey(), counter.getValue().getCount()));
    printProducerFigures();
    System.out.flush();
  }

  /** Where a record's time to Kafka goes: the producer's own averages, from its MBeans. */
  private static void printProducerFigures() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      for (ObjectName producer :
          server.queryNames(new ObjectName("kafka.producer:type=producer-metrics,*"), null)) {
        StringBuilder line = new StringBuilder("BENCH-BROKER-FIGURES producer");
        for (String metric : PRODUCER_METRICS) {
          line.append(String.format(" %s=%.2f", metric, server.getAttribute(producer, metric)));
        }
        System.out.println(line);
      }
    } catch (JMException e) {
      System.out.println("BENCH-BROKER-FIGURES producer metrics unreadable: " + e);
    }
  }
}
