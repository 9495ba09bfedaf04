package org.iotplatform.flink.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.flink.devicetype.DeviceTypeUpdate;
import org.iotplatform.flink.enrichment.DeviceUpdate;
import org.iotplatform.flink.enrichment.EnrichedTelemetry;
import org.iotplatform.flink.rollup.Rollup;
import org.iotplatform.flink.rollup.RollupKey;
import org.iotplatform.flink.rollup.RollupOptions;
import org.iotplatform.flink.telemetry.Metric;
import org.iotplatform.flink.telemetry.RejectCode;
import org.iotplatform.flink.telemetry.RejectedTelemetry;
import org.iotplatform.flink.telemetry.TelemetryRecord;
import org.iotplatform.flink.telemetry.TelemetryRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole job on a MiniCluster, with a bounded source and in-memory sinks instead of servers. */
class TelemetryStorageJobTest {

  @RegisterExtension static final MiniClusterExtension FLINK = new MiniClusterExtension();

  // The sinks are serialized into the job graph and run in the MiniCluster's task threads of this
  // JVM: they find their queue by name.
  private static final Map<String, Queue<Object>> COLLECTED = new ConcurrentHashMap<>();
  private static final Queue<Object> STORED = collected("stored");
  private static final Queue<Object> DEAD_LETTERS = collected("dead-letters");
  private static final Queue<Object> MINUTE_ROLLUPS = collected("minute-rollups");
  private static final Queue<Object> HOUR_ROLLUPS = collected("hour-rollups");
  private static final Queue<Object> LATEST_VALUES = collected("latest-values");

  @BeforeEach
  void clearSinks() {
    STORED.clear();
    DEAD_LETTERS.clear();
    MINUTE_ROLLUPS.clear();
    HOUR_ROLLUPS.clear();
    LATEST_VALUES.clear();
  }

  @Test
  void storesValidTelemetryOfUnknownDevicesAndDeadLettersTheRestWithoutKryo() throws Exception {
    // Kryo fallback becomes an error, so every type on the wire must have a proper serializer.
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(
            new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
    TypeInformation<TelemetryRecord> type = TypeInformation.of(TelemetryRecord.class);
    TelemetryRecord[] records = {
      TelemetryRecords.of("d-1", "{\"ts\":1000,\"metrics\":{\"t\":21.5,\"on\":true}}"),
      TelemetryRecords.of("d-2", "{\"metrics\":{\"t\":\"NaN\"}}"),
      TelemetryRecords.of("d-3", "{\"metrics\":{\"mode\":\"eco\"}}")
    };
    DataGeneratorSource<TelemetryRecord> source =
        new DataGeneratorSource<>(
            new FromElementsGeneratorFunction<>(type, records), records.length, type);
    // Only a tombstone of another device: enrichment itself is TelemetryEnricherTest's, and which
    // source a MiniCluster reads first is not deterministic.
    TypeInformation<DeviceUpdate> updateType = TypeInformation.of(DeviceUpdate.class);
    DataGeneratorSource<DeviceUpdate> devices =
        new DataGeneratorSource<>(
            new FromElementsGeneratorFunction<>(updateType, DeviceUpdate.tombstone("d-9")),
            1,
            updateType);
    TypeInformation<DeviceTypeUpdate> typeUpdateType = TypeInformation.of(DeviceTypeUpdate.class);
    DataGeneratorSource<DeviceTypeUpdate> deviceTypes =
        new DataGeneratorSource<>(
            new FromElementsGeneratorFunction<>(
                typeUpdateType, DeviceTypeUpdate.tombstone("acme/other")),
            1,
            typeUpdateType);
    TelemetryStorageJob underTest =
        new TelemetryStorageJob(
            source,
            devices,
            deviceTypes,
            new CollectingSink<>("stored"),
            new CollectingSink<>("minute-rollups"),
            new CollectingSink<>("hour-rollups"),
            new CollectingSink<>("dead-letters"),
            new CollectingSink<>("latest-values"),
            RollupOptions.defaults());

    underTest.build(env);
    env.execute();

    assertThat(STORED)
        .containsExactlyInAnyOrder(
            new EnrichedTelemetry(
                "d-1",
                TelemetryRecords.TENANT,
                InfluxSchema.UNKNOWN_DEVICE_TYPE,
                List.of(),
                1000L,
                List.of(Metric.number("t", 21.5), Metric.bool("on", true))),
            new EnrichedTelemetry(
                "d-3",
                TelemetryRecords.TENANT,
                InfluxSchema.UNKNOWN_DEVICE_TYPE,
                List.of(),
                TelemetryRecords.RECEIVED_AT,
                List.of(Metric.string("mode", "eco"))));
    assertThat(LATEST_VALUES).containsExactlyInAnyOrderElementsOf(STORED);
    // The end of the bounded input is the final watermark: every window fires once.
    assertThat(MINUTE_ROLLUPS)
        .containsExactly(
            new Rollup(
                new RollupKey(
                    "d-1", TelemetryRecords.TENANT, InfluxSchema.UNKNOWN_DEVICE_TYPE, "t"),
                0L,
                60_000L,
                21.5,
                21.5,
                21.5,
                1));
    assertThat(HOUR_ROLLUPS)
        .singleElement()
        .isInstanceOfSatisfying(
            Rollup.class, rollup -> assertThat(rollup.windowMillis()).isEqualTo(3_600_000L));
    assertThat(DEAD_LETTERS)
        .singleElement()
        .isInstanceOfSatisfying(
            RejectedTelemetry.class,
            rejected -> {
              assertThat(rejected.record().deviceId()).isEqualTo("d-2");
              assertThat(rejected.code()).isEqualTo(RejectCode.METRIC_NOT_FINITE);
            });
  }

  private static Queue<Object> collected(String name) {
    return COLLECTED.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>());
  }

  /** Adds every element to the queue of its name. */
  private static final class CollectingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final String name;

    CollectingSink(String name) {
      this.name = name;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      Queue<Object> queue = collected(name);
      return new SinkWriter<>() {
        @Override
        public void write(T element, Context context) {
          queue.add(element);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
