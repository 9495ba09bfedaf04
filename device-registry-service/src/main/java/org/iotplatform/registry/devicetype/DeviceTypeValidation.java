package org.iotplatform.registry.devicetype;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;

/** Checks a device type request and says which field is wrong. */
final class DeviceTypeValidation {

  /** Type and metric names appear in URLs and InfluxDB fields: the device id alphabet. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  static final int MAX_METRICS = 200;
  static final int MAX_UNIT_LENGTH = 32;

  private DeviceTypeValidation() {}

  static String name(@Nullable String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw invalid("name must be 1 to 64 of letters, digits, dot, underscore and dash.");
    }
    return name;
  }

  static Map<String, MetricRange> metrics(@Nullable Map<String, MetricRange> metrics) {
    if (metrics == null) {
      return Map.of();
    }
    if (metrics.size() > MAX_METRICS) {
      throw invalid("metrics may name at most " + MAX_METRICS + " metrics.");
    }
    Map<String, MetricRange> checked = new LinkedHashMap<>();
    metrics.forEach(
        (metric, range) -> {
          if (!NAME.matcher(metric).matches()) {
            throw invalid("metric name '" + metric + "' is not 1 to 64 of [A-Za-z0-9._-].");
          }
          MetricRange value = range == null ? new MetricRange(null, null, null) : range;
          if (value.unit() != null && value.unit().length() > MAX_UNIT_LENGTH) {
            throw invalid("unit of '" + metric + "' is longer than " + MAX_UNIT_LENGTH + ".");
          }
          if (value.min() != null && value.max() != null && value.min() > value.max()) {
            throw invalid("min of '" + metric + "' is greater than its max.");
          }
          checked.put(metric, value);
        });
    return checked;
  }

  private static ApiException invalid(String problem) {
    return new ApiException(RegistryError.DEVICE_TYPE_INVALID, problem);
  }
}
