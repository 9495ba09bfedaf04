package org.iotplatform.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The alert state gets Flink's POJO serializer, never Kryo; conditions refuse impossible values.
 */
class AlertTypesTest {

  @Test
  void alertStateRoundTripsThroughFlinksPojoSerializer() throws Exception {
    AlertState state = new AlertState();
    state.active = true;
    state.consecutive = 3;
    state.breachSince = 10L;
    state.lastFiredAt = 12L;
    state.lastSeenAt = 13L;

    AlertState copy = roundTrip(state);

    assertThat(copy).usingRecursiveComparison().isEqualTo(state);
  }

  @Test
  void refusesImpossibleConditions() {
    assertThatThrownBy(
            () ->
                new ThresholdCondition("t", ThresholdOperator.BETWEEN, 20, 10, 1, Duration.ZERO, 0))
        .hasMessageContaining("lower bound at most its upper bound");
    assertThatThrownBy(
            () -> new ThresholdCondition("t", ThresholdOperator.GT, 1, 0, 0, Duration.ZERO, 0))
        .hasMessageContaining("consecutive");
    assertThatThrownBy(
            () ->
                new ThresholdCondition(
                    "t", ThresholdOperator.GT, Double.NaN, 0, 1, Duration.ZERO, 0))
        .hasMessageContaining("finite");
    assertThatThrownBy(
            () -> new ThresholdCondition("t", ThresholdOperator.NE, 1, 0, 1, Duration.ZERO, 1))
        .hasMessageContaining("hysteresis");
  }

  private static AlertState roundTrip(AlertState value) throws Exception {
    TypeInformation<AlertState> typeInfo = TypeInformation.of(AlertState.class);
    assertThat(typeInfo).isInstanceOf(PojoTypeInfo.class);
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false);
    TypeSerializer<AlertState> serializer = typeInfo.createSerializer(config);
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(value, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
