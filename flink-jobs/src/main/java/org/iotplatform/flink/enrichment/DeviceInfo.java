package org.iotplatform.flink.enrichment;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.iotplatform.contracts.DeviceSnapshot;

/**
 * What enrichment needs of a device snapshot; the keyed state of {@link TelemetryEnricher}. Kept
 * small on purpose: credentials and display names would only make every checkpoint bigger.
 *
 * @param tenantId the tenant owning the device
 * @param type the device type's name
 * @param labels the device's labels, sorted by key
 * @param version the snapshot's version; a snapshot with a version not above it is ignored
 */
public record DeviceInfo(String tenantId, String type, List<Label> labels, long version) {

  public DeviceInfo {
    labels = List.copyOf(labels);
  }

  /** The enrichment-relevant part of {@code snapshot}. */
  public static DeviceInfo of(DeviceSnapshot snapshot) {
    return new DeviceInfo(
        snapshot.tenantId(), snapshot.type(), labels(snapshot.labels()), snapshot.version());
  }

  /** {@code labels} as a list sorted by key, so equal maps give equal lists. */
  public static List<Label> labels(Map<String, String> labels) {
    return labels.entrySet().stream()
        .map(label -> new Label(label.getKey(), label.getValue()))
        .sorted(Comparator.comparing(Label::key))
        .toList();
  }
}
