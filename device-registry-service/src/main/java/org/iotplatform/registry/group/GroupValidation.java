package org.iotplatform.registry.group;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.device.DeviceCriteria;
import org.iotplatform.registry.device.LocationBox;
import org.iotplatform.registry.http.PageSize;
import org.iotplatform.web.ApiException;
import org.iotplatform.web.IfMatch;
import org.jspecify.annotations.Nullable;

/** Checks what callers send about groups and says which part is wrong. */
final class GroupValidation {

  /** Group names: the device id alphabet, so that names are safe in paths and cursors. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Label keys as devices may carry them; a filter on another key could never match. */
  static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9._/-]{1,63}");

  static final int MAX_DESCRIPTION_LENGTH = 500;
  static final int MAX_FILTER_LABELS = 50;
  static final int MAX_LABEL_VALUE_LENGTH = 256;
  static final int MAX_FIRMWARE_LENGTH = 64;
  static final int MAX_TYPE_LENGTH = 64;
  static final int MAX_BATCH = 1000;

  private GroupValidation() {}

  static String name(@Nullable String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw invalid("name must be 1 to 64 of letters, digits, dot, underscore and dash.");
    }
    // Paths take a group's name or its id; a name shaped like an id would be ambiguous.
    if (asId(name) != null) {
      throw invalid("name must not have the form of a UUID, which paths read as a group id.");
    }
    return name;
  }

  static GroupKind kind(@Nullable GroupKind kind) {
    if (kind == null) {
      throw invalid("kind is required: STATIC or DYNAMIC.");
    }
    return kind;
  }

  static @Nullable String description(@Nullable String description) {
    if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
      throw invalid("description is longer than " + MAX_DESCRIPTION_LENGTH + " characters.");
    }
    return description;
  }

  /** A static group has members, not a filter. */
  static void noFilter(@Nullable GroupFilter filter) {
    if (filter != null) {
      throw invalid("a STATIC group takes no filter; create a DYNAMIC group to select by filter.");
    }
  }

  /** A dynamic group's devices follow from its filter; it takes no members. */
  static void noMembers(@Nullable List<String> members) {
    if (members != null) {
      throw invalid("a DYNAMIC group takes no members; its filter selects its devices.");
    }
  }

  /**
   * The criteria of a dynamic group's filter.
   *
   * @throws ApiException {@code group.invalid} when the filter is missing, empty or malformed
   */
  static DeviceCriteria criteria(@Nullable GroupFilter filter) {
    if (filter == null) {
      throw invalid("a DYNAMIC group needs a filter.");
    }
    DeviceCriteria criteria =
        new DeviceCriteria(
            type(filter.type()),
            labels(filter.labels()),
            firmwareVersion(filter.firmwareVersion()),
            locationBox(filter.locationBox()));
    if (criteria.isEmpty()) {
      throw invalid(
          "the filter needs at least one of type, labels, firmwareVersion and locationBox.");
    }
    return criteria;
  }

  /** The filter as stored and shown: what {@link #criteria} accepted, without absent parts. */
  static GroupFilter normalized(DeviceCriteria criteria) {
    LocationBox box = criteria.locationBox();
    return new GroupFilter(
        criteria.type(),
        criteria.labels().isEmpty() ? null : new LinkedHashMap<>(criteria.labels()),
        criteria.firmwareVersion(),
        box == null
            ? null
            : new GroupFilter.Box(box.minLat(), box.maxLat(), box.minLon(), box.maxLon()));
  }

  /** The distinct device ids of a batch, in the order given. */
  static Set<String> deviceIds(@Nullable List<String> deviceIds) {
    if (deviceIds == null || deviceIds.isEmpty()) {
      throw invalid("deviceIds must list 1 to " + MAX_BATCH + " device ids.");
    }
    if (deviceIds.size() > MAX_BATCH) {
      throw invalid(
          "deviceIds lists "
              + deviceIds.size()
              + " ids; send at most "
              + MAX_BATCH
              + " per request.");
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String id : deviceIds) {
      if (id == null || !DeviceTopic.isValidDeviceId(id)) {
        throw invalid("'" + id + "' in deviceIds is not a valid device id.");
      }
      distinct.add(id);
    }
    return distinct;
  }

  static int limit(@Nullable Integer limit) {
    return PageSize.of(limit, RegistryError.GROUP_INVALID);
  }

  /** The version an {@code If-Match} header names: {@code "3"}, {@code W/"3"} or {@code 3}. */
  static @Nullable Long ifMatch(@Nullable String header) {
    return IfMatch.version(header, RegistryError.GROUP_INVALID);
  }

  /** The id a path segment names, or null when it names a group by its name. */
  static @Nullable UUID asId(String nameOrId) {
    if (nameOrId.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(nameOrId);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable String type(@Nullable String type) {
    if (type != null && (type.isBlank() || type.length() > MAX_TYPE_LENGTH)) {
      throw invalid("filter.type must be 1 to " + MAX_TYPE_LENGTH + " characters.");
    }
    return type;
  }

  private static Map<String, String> labels(@Nullable Map<String, String> labels) {
    if (labels == null) {
      return Map.of();
    }
    if (labels.size() > MAX_FILTER_LABELS) {
      throw invalid("filter.labels has at most " + MAX_FILTER_LABELS + " pairs.");
    }
    labels.forEach(
        (key, value) -> {
          if (!LABEL_KEY.matcher(key).matches()) {
            throw invalid("filter.labels key '" + key + "' is not 1 to 63 of [A-Za-z0-9._/-].");
          }
          if (value == null || value.length() > MAX_LABEL_VALUE_LENGTH) {
            throw invalid(
                "filter.labels '"
                    + key
                    + "' needs a value of at most "
                    + MAX_LABEL_VALUE_LENGTH
                    + " characters.");
          }
        });
    return labels;
  }

  private static @Nullable String firmwareVersion(@Nullable String firmwareVersion) {
    if (firmwareVersion != null
        && (firmwareVersion.isBlank() || firmwareVersion.length() > MAX_FIRMWARE_LENGTH)) {
      throw invalid("filter.firmwareVersion must be 1 to " + MAX_FIRMWARE_LENGTH + " characters.");
    }
    return firmwareVersion;
  }

  private static @Nullable LocationBox locationBox(GroupFilter.@Nullable Box box) {
    if (box == null) {
      return null;
    }
    try {
      LocationBox parsed = LocationBox.of(box.minLat(), box.maxLat(), box.minLon(), box.maxLon());
      if (parsed == null) {
        throw invalid("filter.locationBox needs all four of minLat, maxLat, minLon and maxLon.");
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      throw invalid("filter.locationBox " + e.getMessage());
    }
  }

  private static ApiException invalid(String problem) {
    return new ApiException(RegistryError.GROUP_INVALID, problem);
  }
}
