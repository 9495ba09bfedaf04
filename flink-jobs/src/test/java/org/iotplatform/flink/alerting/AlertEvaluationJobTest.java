package org.iotplatform.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.iotplatform.contracts.AlertEvent;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import org.iotplatform.contracts.AlertRuleSnapshot.Scope;
import org.iotplatform.flink.alerting.rules.RuleUpdate;
import org.iotplatform.flink.alerting.rules.TestRules;
import org.iotplatform.flink.enrichment.DeviceUpdate;
import org.iotplatform.flink.telemetry.TelemetryRecord;
import org.iotplatform.flink.telemetry.TelemetryRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole job on a MiniCluster with bounded sources and an in-memory sink. */
class AlertEvaluationJobTest {

  @RegisterExtension static final MiniClusterExtension FLINK = new MiniClusterExtension();

  // The sink runs in the MiniCluster's task threads of this JVM.
  private static final Queue<AlertEvent> ALERTS = new ConcurrentLinkedQueue<>();

  @Test
  void runsEveryOperatorWithoutKryoAndFiresAtMostOnce() throws Exception {
    // Kryo fallback becomes an error, so every type on the wire must have a proper serializer.
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(
            new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
    TelemetryRecord[] readings = new TelemetryRecord[200];
    for (int i = 0; i < readings.length; i++) {
      readings[i] =
          TelemetryRecords.of(
              "d-1",
              "{\"ts\":" + (TelemetryRecords.RECEIVED_AT - 1_000 + i) + ",\"metrics\":{\"t\":50}}");
    }
    RuleUpdate rule =
        TestRules.update(TestRules.rule("r-1", Scope.tenant(), Condition.threshold("t", "GT", 40)));

    new AlertEvaluationJob(
            bounded(TelemetryRecord.class, readings),
            bounded(TelemetryRecord.class, TelemetryRecords.of("d-1", "{\"battery\":80}")),
            bounded(DeviceUpdate.class, DeviceUpdate.tombstone("d-9")),
            bounded(RuleUpdate.class, rule),
            new CollectingSink(),
            Duration.ofMinutes(1))
        .build(env);
    env.execute();

    // Which source a MiniCluster reads first is not deterministic: the rule may come after the
    // readings. Whenever it comes, the alert fires at most once.
    assertThat(ALERTS.size()).isLessThanOrEqualTo(1);
  }

  @SafeVarargs
  private static <T> DataGeneratorSource<T> bounded(Class<T> type, T... elements) {
    TypeInformation<T> info = TypeInformation.of(type);
    return new DataGeneratorSource<>(
        new FromElementsGeneratorFunction<>(info, elements), elements.length, info);
  }

  private static final class CollectingSink implements Sink<AlertEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<AlertEvent> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(AlertEvent element, Context context) {
          ALERTS.add(element);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
