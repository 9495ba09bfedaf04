package org.iotplatform.registry.device;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.http.PageSize;
import org.iotplatform.web.ApiException;
import org.iotplatform.web.IfMatch;
import org.jspecify.annotations.Nullable;

/** Checks what callers send about devices and says which part is wrong. */
final class DeviceValidation {

  /** Label keys: no colon, since the search takes {@code label=key:value}. */
  static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9._/-]{1,63}");

  static final int MAX_NAME_LENGTH = 200;
  static final int MAX_LABELS = 50;
  static final int MAX_LABEL_VALUE_LENGTH = 256;
  static final int MAX_METADATA_KEYS = 100;
  static final int MAX_FIRMWARE_LENGTH = 64;

  private DeviceValidation() {}

  static String id(@Nullable String id) {
    if (id == null || !DeviceTopic.isValidDeviceId(id)) {
      throw new ApiException(
          RegistryError.DEVICE_INVALID_ID, "'" + id + "' is not a valid device id.");
    }
    return id;
  }

  static String type(@Nullable String type) {
    if (type == null || type.isBlank()) {
      throw invalid("type is required.");
    }
    return type;
  }

  static @Nullable String name(@Nullable String name) {
    if (name != null && name.length() > MAX_NAME_LENGTH) {
      throw invalid("name is longer than " + MAX_NAME_LENGTH + " characters.");
    }
    return name;
  }

  static Map<String, String> labels(@Nullable Map<String, String> labels) {
    if (labels == null) {
      return Map.of();
    }
    if (labels.size() > MAX_LABELS) {
      throw invalid("a device has at most " + MAX_LABELS + " labels.");
    }
    labels.forEach(DeviceValidation::label);
    return labels;
  }

  static @Nullable Location location(@Nullable Location location) {
    if (location == null) {
      return null;
    }
    Double lat = location.lat();
    Double lon = location.lon();
    if (lat == null || lon == null) {
      throw invalid("location needs both lat and lon.");
    }
    // Written so that NaN fails too (every comparison with NaN is false).
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
      throw invalid("location must have lat in [-90, 90] and lon in [-180, 180].");
    }
    return location;
  }

  static Map<String, Object> metadata(@Nullable Map<String, Object> metadata) {
    if (metadata == null) {
      return Map.of();
    }
    if (metadata.size() > MAX_METADATA_KEYS) {
      throw invalid("metadata has at most " + MAX_METADATA_KEYS + " top-level keys.");
    }
    return metadata;
  }

  static @Nullable String firmwareVersion(@Nullable String firmwareVersion) {
    if (firmwareVersion != null
        && (firmwareVersion.isBlank() || firmwareVersion.length() > MAX_FIRMWARE_LENGTH)) {
      throw invalid("firmwareVersion must be 1 to " + MAX_FIRMWARE_LENGTH + " characters.");
    }
    return firmwareVersion;
  }

  /** Parses repeated {@code label=key:value} parameters. */
  static Map<String, String> labelFilters(@Nullable List<String> filters) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (filters == null) {
      return labels;
    }
    for (String filter : filters) {
      int colon = filter.indexOf(':');
      if (colon < 1 || !LABEL_KEY.matcher(filter.substring(0, colon)).matches()) {
        throw filterInvalid("label must be key:value, got '" + filter + "'.");
      }
      labels.put(filter.substring(0, colon), filter.substring(colon + 1));
    }
    return labels;
  }

  static void lastSeenRange(@Nullable Instant from, @Nullable Instant to) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw filterInvalid("lastSeenFrom must be before lastSeenTo.");
    }
  }

  /** The search's location box from its four parameters, all given or none. */
  static @Nullable LocationBox locationBox(
      @Nullable Double minLat,
      @Nullable Double maxLat,
      @Nullable Double minLon,
      @Nullable Double maxLon) {
    try {
      return LocationBox.of(minLat, maxLat, minLon, maxLon);
    } catch (IllegalArgumentException e) {
      throw filterInvalid("The location box " + e.getMessage());
    }
  }

  static int limit(@Nullable Integer limit) {
    return PageSize.of(limit, RegistryError.DEVICE_INVALID_FILTER);
  }

  /** The version an {@code If-Match} header names: {@code "3"}, {@code W/"3"} or {@code 3}. */
  static @Nullable Long ifMatch(@Nullable String header) {
    return IfMatch.version(header, RegistryError.DEVICE_INVALID);
  }

  private static void label(String key, @Nullable String value) {
    if (!LABEL_KEY.matcher(key).matches()) {
      throw invalid("label key '" + key + "' is not 1 to 63 of [A-Za-z0-9._/-].");
    }
    if (value == null || value.length() > MAX_LABEL_VALUE_LENGTH) {
      throw invalid("label '" + key + "' needs a value of at most 256 characters.");
    }
  }

  private static ApiException invalid(String problem) {
    return new ApiException(RegistryError.DEVICE_INVALID, problem);
  }

  private static ApiException filterInvalid(String problem) {
    return new ApiException(RegistryError.DEVICE_INVALID_FILTER, problem);
  }
}
