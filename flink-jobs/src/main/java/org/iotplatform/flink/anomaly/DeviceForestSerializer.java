package org.iotplatform.flink.anomaly;

import com.amazon.randomcutforest.state.RandomCutForestMapper;
import com.amazon.randomcutforest.state.RandomCutForestState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.InstantiationUtil;
import org.jspecify.annotations.Nullable;

/**
 * Flink state serializer of a {@link DeviceForest}: its dimension names, then the forest as the
 * library's own {@link RandomCutForestState} (through {@link RandomCutForestMapper}, which versions
 * it) in Java serialization, length-prefixed. Trees are not saved: they are rebuilt from the saved
 * samples on restore, which keeps the state to the sampled points.
 */
public final class DeviceForestSerializer extends TypeSerializer<DeviceForest> {

  private static final long serialVersionUID = 1L;

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<DeviceForest> duplicate() {
    return this; // stateless
  }

  @Override
  public @Nullable DeviceForest createInstance() {
    // There is no empty forest (its dimensions come with the first scored reading), and value
    // state never asks for one.
    return null;
  }

  @Override
  public DeviceForest copy(DeviceForest from) {
    try {
      DataOutputSerializer out = new DataOutputSerializer(4096);
      serialize(from, out);
      return deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot copy a device's forest", e);
    }
  }

  @Override
  public DeviceForest copy(DeviceForest from, DeviceForest reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(DeviceForest record, DataOutputView target) throws IOException {
    List<String> dimensions = record.dimensions();
    target.writeInt(dimensions.size());
    for (String dimension : dimensions) {
      target.writeUTF(dimension);
    }
    byte[] forest = InstantiationUtil.serializeObject(mapper().toState(record.forest()));
    target.writeInt(forest.length);
    target.write(forest);
  }

  @Override
  public DeviceForest deserialize(DataInputView source) throws IOException {
    int count = source.readInt();
    List<String> dimensions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      dimensions.add(source.readUTF());
    }
    byte[] forest = new byte[source.readInt()];
    source.readFully(forest);
    RandomCutForestState state;
    try {
      // The loader that sees this class sees the library too, also under a job's own loader.
      state =
          InstantiationUtil.deserializeObject(
              forest, DeviceForestSerializer.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IOException("cannot read a device's forest", e);
    }
    return new DeviceForest(dimensions, mapper().toModel(state));
  }

  @Override
  public DeviceForest deserialize(DeviceForest reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int count = source.readInt();
    target.writeInt(count);
    for (int i = 0; i < count; i++) {
      target.writeUTF(source.readUTF());
    }
    int length = source.readInt();
    target.writeInt(length);
    target.write(source, length);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof DeviceForestSerializer;
  }

  @Override
  public int hashCode() {
    return DeviceForestSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<DeviceForest> snapshotConfiguration() {
    return new Snapshot();
  }

  private static RandomCutForestMapper mapper() {
    RandomCutForestMapper mapper = new RandomCutForestMapper();
    mapper.setSaveSamplerStateEnabled(true);
    mapper.setSaveTreeStateEnabled(false);
    mapper.setCompressionEnabled(true);
    mapper.setSaveExecutorContextEnabled(true); // toModel needs it (single-threaded here)
    return mapper;
  }

  /** The serializer's snapshot: it has no configuration, so any version restores it. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<DeviceForest> {

    public Snapshot() {
      super(DeviceForestSerializer::new);
    }
  }
}
