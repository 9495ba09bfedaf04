package org.iotplatform.flink.telemetry;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Copies a Kafka record into a {@link TelemetryRecord} without interpreting it, so that it cannot
 * fail: validation happens downstream, where a bad record can be routed to the dead-letter topic.
 */
public final class TelemetryRecordDeserializer
    implements KafkaRecordDeserializationSchema<TelemetryRecord> {

  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<TelemetryRecord> out) {
    out.collect(toTelemetryRecord(record));
  }

  static TelemetryRecord toTelemetryRecord(ConsumerRecord<byte[], byte[]> record) {
    List<TelemetryRecord.Header> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(new TelemetryRecord.Header(header.key(), header.value()));
    }
    return new TelemetryRecord(record.key(), record.value(), headers, record.timestamp());
  }

  @Override
  public TypeInformation<TelemetryRecord> getProducedType() {
    return TypeInformation.of(TelemetryRecord.class);
  }
}
