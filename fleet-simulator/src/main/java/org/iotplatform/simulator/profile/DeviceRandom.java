package org.iotplatform.simulator.profile;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Random numbers of one device: the same for the same seed, device and purpose. */
final class DeviceRandom {

  private DeviceRandom() {}

  static RandomGenerator of(long seed, String deviceId, String purpose) {
    // Distinct streams per purpose, so that turning spikes on does not change the outages.
    long mixed = seed * 0x9E3779B97F4A7C15L + deviceId.hashCode() * 0xC2B2AE3D27D4EB4FL;
    return new SplittableRandom(mixed ^ purpose.hashCode());
  }

  /** {@code value} to {@code decimals} decimals, as a sensor would report it. */
  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
