package org.iotplatform.registry.device;

import org.jspecify.annotations.Nullable;

/**
 * A rectangle of WGS 84 degrees, bounds inclusive. It does not wrap around the antimeridian: {@code
 * minLon} must not exceed {@code maxLon}. A device without a location is never inside a box.
 */
public record LocationBox(double minLat, double maxLat, double minLon, double maxLon) {

  /**
   * @throws IllegalArgumentException naming the bound that is out of range or the pair in the wrong
   *     order
   */
  public LocationBox {
    latitude("minLat", minLat);
    latitude("maxLat", maxLat);
    longitude("minLon", minLon);
    longitude("maxLon", maxLon);
    if (minLat > maxLat) {
      throw new IllegalArgumentException("minLat " + minLat + " is above maxLat " + maxLat + ".");
    }
    if (minLon > maxLon) {
      throw new IllegalArgumentException("minLon " + minLon + " is above maxLon " + maxLon + ".");
    }
  }

  /**
   * A box from bounds that callers may have left out, as in a JSON body or query parameters.
   *
   * @return null when all four bounds are absent
   * @throws IllegalArgumentException when only some are given, or as the constructor
   */
  public static @Nullable LocationBox of(
      @Nullable Double minLat,
      @Nullable Double maxLat,
      @Nullable Double minLon,
      @Nullable Double maxLon) {
    if (minLat == null && maxLat == null && minLon == null && maxLon == null) {
      return null;
    }
    if (minLat == null || maxLat == null || minLon == null || maxLon == null) {
      throw new IllegalArgumentException("needs all four of minLat, maxLat, minLon and maxLon.");
    }
    return new LocationBox(minLat, maxLat, minLon, maxLon);
  }

  private static void latitude(String name, double value) {
    // The negated range also refuses NaN.
    if (!(value >= -90 && value <= 90)) {
      throw new IllegalArgumentException(name + " must be in [-90, 90], got " + value + ".");
    }
  }

  private static void longitude(String name, double value) {
    if (!(value >= -180 && value <= 180)) {
      throw new IllegalArgumentException(name + " must be in [-180, 180], got " + value + ".");
    }
  }
}
