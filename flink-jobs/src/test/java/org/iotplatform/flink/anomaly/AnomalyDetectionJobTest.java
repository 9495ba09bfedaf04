package org.iotplatform.flink.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Queue;
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
import org.iotplatform.flink.telemetry.TelemetryRecord;
import org.iotplatform.flink.telemetry.TelemetryRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole job on a MiniCluster, with a bounded source and an in-memory sink. */
class AnomalyDetectionJobTest {

  @RegisterExtension static final MiniClusterExtension FLINK = new MiniClusterExtension();

  // The sink runs in the MiniCluster's task threads of this JVM.
  private static final Queue<AnomalyScore> SCORES = new ConcurrentLinkedQueue<>();

  @Test
  void scoresReadingsPastTheWarmUpDropsInvalidOnesAndNeedsNoKryo() throws Exception {
    // Kryo fallback becomes an error, so every type on the wire must have a proper serializer.
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(
            new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
    int warmUp = AnomalyOptions.defaults().warmUp();
    TelemetryRecord[] records = new TelemetryRecord[warmUp + 2];
    for (int i = 0; i < warmUp; i++) {
      records[i] = reading(i, 20 + 0.5 * Math.sin(i));
    }
    records[warmUp] = TelemetryRecords.of("d-1", "{\"metrics\":");
    records[warmUp + 1] = reading(warmUp, 30);
    TypeInformation<TelemetryRecord> type = TypeInformation.of(TelemetryRecord.class);
    DataGeneratorSource<TelemetryRecord> source =
        new DataGeneratorSource<>(
            new FromElementsGeneratorFunction<>(type, records), records.length, type);
    // One split: the readings of one device must arrive in order.
    env.setParallelism(1);
    AnomalyDetectionJob underTest =
        new AnomalyDetectionJob(source, new CollectingSink(), AnomalyOptions.defaults());

    underTest.build(env);
    env.execute();

    assertThat(SCORES)
        .singleElement()
        .satisfies(
            score -> {
              assertThat(score.deviceId()).isEqualTo("d-1");
              assertThat(score.timestamp()).isEqualTo(warmUp);
              assertThat(score.score()).isGreaterThan(0.8);
            });
  }

  private static TelemetryRecord reading(long ts, double temperature) {
    return TelemetryRecords.of(
        "d-1",
        String.format(
            Locale.ROOT, "{\"ts\":%d,\"metrics\":{\"temperature\":%.6f}}", ts, temperature));
  }

  /** Adds every score to {@link #SCORES}. */
  private static final class CollectingSink implements Sink<AnomalyScore> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<AnomalyScore> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(AnomalyScore element, Context context) {
          SCORES.add(element);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
