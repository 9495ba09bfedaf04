package org.iotplatform.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.iotplatform.contracts.AlertEvent;
import org.iotplatform.flink.alerting.device.DeviceSignal;
import org.iotplatform.flink.alerting.evaluation.LeafState;
import org.iotplatform.flink.alerting.evaluation.RuleDeviceState;
import org.iotplatform.flink.alerting.rules.RuleUpdate;
import org.iotplatform.flink.enrichment.DeviceInfo;
import org.iotplatform.flink.enrichment.DeviceUpdate;
import org.iotplatform.flink.enrichment.Label;
import org.iotplatform.flink.telemetry.Metric;
import org.junit.jupiter.api.Test;

/** The alert job's state and wire types get Flink's POJO serializer, never Kryo. */
class AlertingTypesTest {

  @Test
  void ruleDeviceStateWithItsLeavesRoundTrips() throws Exception {
    RuleDeviceState state = new RuleDeviceState();
    state.active = true;
    state.firedAt = 10L;
    state.resolvedAt = 5L;
    LeafState leaf = new LeafState();
    leaf.threshold.active = true;
    leaf.threshold.consecutive = 2;
    leaf.threshold.lastSeenAt = 10L;
    leaf.previousAt = 9L;
    leaf.previousValue = 1.5;
    state.leaves.add(leaf);
    state.leaves.add(new LeafState());

    RuleDeviceState copy = roundTrip(state, RuleDeviceState.class);

    assertThat(copy).usingRecursiveComparison().isEqualTo(state);
  }

  @Test
  void ruleUpdatesAndTombstonesRoundTrip() throws Exception {
    RuleUpdate update = new RuleUpdate("r-1", 3, "{\"ruleId\":\"r-1\"}");

    assertThat(roundTrip(update, RuleUpdate.class)).isEqualTo(update);
    assertThat(roundTrip(RuleUpdate.tombstone("r-1"), RuleUpdate.class))
        .isEqualTo(RuleUpdate.tombstone("r-1"));
  }

  @Test
  void deviceSignalsRoundTrip() throws Exception {
    DeviceSignal message =
        DeviceSignal.message("d-1", "acme", 5L, List.of(Metric.number("battery", 12)));
    DeviceSignal snapshot =
        DeviceSignal.of(
            DeviceUpdate.snapshot(
                "d-1", new DeviceInfo("acme", "freezer", List.of(new Label("site", "b")), 2)));
    DeviceSignal tombstone = DeviceSignal.of(DeviceUpdate.tombstone("d-1"));

    assertThat(roundTrip(message, DeviceSignal.class)).isEqualTo(message);
    assertThat(roundTrip(snapshot, DeviceSignal.class)).isEqualTo(snapshot);
    assertThat(roundTrip(tombstone, DeviceSignal.class)).isEqualTo(tombstone);
  }

  @Test
  void alertEventsRoundTrip() throws Exception {
    Instant at = Instant.ofEpochMilli(1_732_280_000_123L);
    AlertEvent event =
        new AlertEvent(
            "r/d/1/FIRED",
            "r/d/1",
            "FIRED",
            "acme",
            "r",
            3,
            "Hot",
            "HIGH",
            "d",
            "t",
            41.2,
            at,
            at,
            "t 41.2 > 40.0",
            at);
    AlertEvent offline =
        new AlertEvent(
            "r/d/1/FIRED",
            "r/d/1",
            "FIRED",
            "acme",
            "r",
            3,
            "Off",
            "LOW",
            "d",
            null,
            null,
            at,
            at,
            "no message for 5m",
            at);

    assertThat(roundTrip(event, AlertEvent.class)).isEqualTo(event);
    assertThat(roundTrip(offline, AlertEvent.class)).isEqualTo(offline);
  }

  private static <T> T roundTrip(T value, Class<T> type) throws Exception {
    TypeInformation<T> typeInfo = TypeInformation.of(type);
    assertThat(typeInfo).isInstanceOf(PojoTypeInfo.class);
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false);
    TypeSerializer<T> serializer = typeInfo.createSerializer(config);
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(value, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
