package org.iotplatform.flink.alerting.rules;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iotplatform.contracts.AlertRuleSnapshot;
import org.iotplatform.flink.snapshot.SnapshotTopicDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a record of {@code iot.alert-rules.v1}: an {@link AlertRuleSnapshot} as JSON, or a
 * tombstone. A record that is not a complete snapshot of the keyed rule, or whose condition is not
 * well formed (or cannot be evaluated, such as {@code !=} with hysteresis), is logged, skipped and
 * counted in the metric {@code alertRulesSkipped}; the rule keeps its previous snapshot.
 */
public final class AlertRuleDeserializer
    extends SnapshotTopicDeserializer<AlertRuleSnapshot, RuleUpdate> {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = LoggerFactory.getLogger(AlertRuleDeserializer.class);

  private transient @Nullable RuleJson json;
  private transient @Nullable Counter skipped;

  public AlertRuleDeserializer() {
    super(AlertRuleSnapshot.class, RuleUpdate.class, "alert rule snapshot");
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    skipped = context.getMetricGroup().counter("alertRulesSkipped");
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RuleUpdate> out) {
    RuleUpdate update = toUpdate(record.key(), record.value());
    if (update == null) {
      LOG.warn(
          "Skipping record of {} partition {} offset {}: not a valid alert rule snapshot",
          record.topic(),
          record.partition(),
          record.offset());
      Counter counter = skipped;
      if (counter != null) {
        counter.inc();
      }
      return;
    }
    out.collect(update);
  }

  @Override
  protected RuleUpdate tombstone(String ruleId) {
    return RuleUpdate.tombstone(ruleId);
  }

  @Override
  protected @Nullable RuleUpdate update(String ruleId, AlertRuleSnapshot snapshot) {
    if (!ruleId.equals(snapshot.ruleId()) || !CompiledRule.isValid(snapshot)) {
      return null;
    }
    RuleJson current = json;
    if (current == null) {
      current = new RuleJson();
      json = current;
    }
    return new RuleUpdate(ruleId, snapshot.version(), current.write(snapshot));
  }
}
